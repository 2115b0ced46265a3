using Marketplace.Domain.Money;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Ledger;

/// <summary>
/// Posts journals into the books, inside the transaction of the change they record, so money moves exactly when the
/// order, the complaint or the payout does. The database guards the rules as well: a transaction key is unique (a
/// replayed event posts nothing), entries are append-only, a deferred trigger refuses a transaction that does not sum
/// to zero at commit, and a CHECK refuses an account going below zero. Hand-written SQL for ON CONFLICT, FOR UPDATE and
/// the multi-row insert, which EF cannot express.
/// </summary>
public sealed class Books(MarketplaceDbContext db)
{
    /// <summary>Posts the journal at <paramref name="at"/>; false when its event was posted before.</summary>
    public async Task<bool> PostAsync(Journal journal, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A posting joins the transaction of the change it records.");
        }

        var posted = await db.Database.SqlQuery<long>($"""
            INSERT INTO ledger_transactions (key, kind, order_id, seller_id, at)
            VALUES ({journal.Key}, {(int)journal.Kind}, {journal.OrderId}, {journal.SellerId}, {at})
            ON CONFLICT (key) DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (posted.Count == 0)
        {
            return false;
        }

        var accounts = new long[journal.Entries.Count];
        for (var i = 0; i < accounts.Length; i++)
        {
            accounts[i] = await AccountIdAsync(journal.Entries[i].Account, cancellationToken);
        }

        // Accounts are locked in id order by every posting, so two postings never wait on each other in a circle.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM ledger_accounts WHERE id = ANY({accounts}) ORDER BY id FOR UPDATE", cancellationToken);
        var amounts = journal.Entries.Select(e => e.Amount).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO ledger_entries (transaction_id, account_id, amount)
            SELECT {posted[0]}, e.account_id, e.amount FROM unnest({accounts}, {amounts}) AS e(account_id, amount) ORDER BY e.account_id
            """, cancellationToken);
        return true;
    }

    /// <summary>What the account holds now; zero for an account nothing was posted to yet.</summary>
    public async Task<long> BalanceAsync(LedgerAccount account, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"""
            SELECT balance AS "Value" FROM ledger_accounts
            WHERE kind = {(int)account.Kind} AND seller_id IS NOT DISTINCT FROM {account.SellerId}::integer AND order_id IS NOT DISTINCT FROM {account.OrderId}::bigint
            """).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Locks the account's row until the transaction ends and returns its balance: a withdrawal's guard against another.</summary>
    public async Task<long> LockBalanceAsync(LedgerAccount account, CancellationToken cancellationToken)
    {
        var id = await AccountIdAsync(account, cancellationToken);
        return await db.Database.SqlQuery<long>($"SELECT balance AS \"Value\" FROM ledger_accounts WHERE id = {id} FOR UPDATE").SingleAsync(cancellationToken);
    }

    private async Task<long> AccountIdAsync(LedgerAccount account, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO ledger_accounts (kind, seller_id, order_id, balance) VALUES ({(int)account.Kind}, {account.SellerId}, {account.OrderId}, 0) ON CONFLICT DO NOTHING",
            cancellationToken);
        return await db.Database.SqlQuery<long>($"""
            SELECT id AS "Value" FROM ledger_accounts
            WHERE kind = {(int)account.Kind} AND seller_id IS NOT DISTINCT FROM {account.SellerId}::integer AND order_id IS NOT DISTINCT FROM {account.OrderId}::bigint
            """).SingleAsync(cancellationToken);
    }
}

using System.Security.Cryptography;
using System.Text;
using Marketplace.Domain;
using Marketplace.Domain.Money;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Email;
using Marketplace.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Payouts;

/// <summary>One line of the seller's "Saldo": a movement of its escrow or its balance, with the order it belongs to.</summary>
public sealed record BalanceEntry(DateTimeOffset At, JournalKind Kind, LedgerAccountKind Account, string? OrderNumber, long Amount);

public sealed record PayoutRow(long Id, string Reference, Rupiah Amount, PayoutStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? SettledAt, string? FailureReason, string Bank, string Number);

/// <summary>What the "Saldo" page shows: pending (in escrow), available, on the way to the bank, the accounts and the history.</summary>
public sealed record SellerBalance(
    Rupiah Pending, Rupiah Available, Rupiah InTransit, PayoutAccount? Account, PayoutAccount? AwaitingConfirmation, IReadOnlyList<PayoutRow> Payouts, IReadOnlyList<BalanceEntry> Entries);

public enum AccountChange
{
    Added,

    /// <summary>A change of account: it waits for the link e-mailed to the seller.</summary>
    ConfirmationSent,
    Invalid,
    NotFoundAtBank,
    HolderMismatch,
}

public enum WithdrawalOutcome
{
    Requested,
    NoAccount,

    /// <summary>The account was changed less than 24 hours ago.</summary>
    CoolingOff,
    BelowMinimum,
    ExceedsBalance,
}

/// <summary>
/// A seller's balance and withdrawals. A withdrawal locks the seller's balance account (FOR UPDATE) before it reads what
/// is available, so two at once are taken one after the other and never overdraw; the ledger's CHECK would refuse it anyway.
/// </summary>
public sealed class SellerPayouts(MarketplaceDbContext db, Books books, IDisbursementProvider provider, EmailOutbox outbox, TimeProvider clock, ILogger<SellerPayouts> logger)
{
    public const int HistorySize = 50;

    public async Task<SellerBalance> BalanceAsync(int sellerId, CancellationToken cancellationToken)
    {
        var balances = await db.LedgerAccounts.AsNoTracking().Where(a => a.SellerId == sellerId)
            .GroupBy(a => a.Kind).Select(g => new { Kind = g.Key, Sum = g.Sum(a => a.Balance) })
            .ToDictionaryAsync(g => g.Kind, g => g.Sum, cancellationToken);
        var accounts = await db.PayoutAccounts.AsNoTracking().Where(a => a.SellerId == sellerId && a.Status != PayoutAccountStatus.Retired).ToListAsync(cancellationToken);
        var payouts = await (from p in db.Payouts.AsNoTracking()
                             join a in db.PayoutAccounts on p.PayoutAccountId equals a.Id
                             where p.SellerId == sellerId
                             orderby p.RequestedAt descending, p.Id descending
                             select new { p, a.Bank, a.Number })
            .Take(HistorySize).ToListAsync(cancellationToken);
        var entries = await (from e in db.LedgerEntries.AsNoTracking()
                             join a in db.LedgerAccounts on e.AccountId equals a.Id
                             join t in db.LedgerTransactions on e.TransactionId equals t.Id
                             join o in db.Orders on t.OrderId equals (long?)o.Id into ordered
                             from o in ordered.DefaultIfEmpty()
                             where a.SellerId == sellerId && (a.Kind == LedgerAccountKind.Escrow || a.Kind == LedgerAccountKind.SellerBalance)
                             orderby t.At descending, e.Id descending
                             select new BalanceEntry(t.At, t.Kind, a.Kind, o == null ? null : o.Number, e.Amount))
            .Take(HistorySize).ToListAsync(cancellationToken);
        return new SellerBalance(
            new Rupiah(balances.GetValueOrDefault(LedgerAccountKind.Escrow)),
            new Rupiah(balances.GetValueOrDefault(LedgerAccountKind.SellerBalance)),
            new Rupiah(balances.GetValueOrDefault(LedgerAccountKind.PayoutsInTransit)),
            accounts.SingleOrDefault(a => a.Status == PayoutAccountStatus.Active),
            accounts.SingleOrDefault(a => a.Status == PayoutAccountStatus.AwaitingConfirmation),
            payouts.Select(x => new PayoutRow(x.p.Id, x.p.Reference, x.p.Amount, x.p.Status, x.p.RequestedAt, x.p.SettledAt, x.p.FailureReason, x.Bank, x.Number)).ToList(),
            entries);
    }

    /// <summary>
    /// Adds the account the provider's inquiry finds under the shop's registered name. A first account is usable at once; a
    /// change is e-mailed for confirmation (<paramref name="confirmUrl"/> builds the link from the token).
    /// </summary>
    public async Task<AccountChange> AddAccountAsync(int sellerId, string? bank, string? number, Func<string, string> confirmUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(confirmUrl);
        string code, digits;
        try
        {
            (code, digits) = PayoutAccount.Validate(bank, number);
        }
        catch (DomainException)
        {
            return AccountChange.Invalid;
        }

        var holder = await provider.InquireAsync(code, digits, cancellationToken);
        if (holder is null)
        {
            return AccountChange.NotFoundAtBank;
        }

        var shopName = await db.Sellers.Where(s => s.Id == sellerId).Select(s => s.StoreName).SingleAsync(cancellationToken);
        if (!HolderName.Matches(holder, shopName))
        {
            return AccountChange.HolderMismatch;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM sellers WHERE id = {sellerId} FOR UPDATE", cancellationToken);
        var current = await db.PayoutAccounts.Where(a => a.SellerId == sellerId && a.Status != PayoutAccountStatus.Retired).ToListAsync(cancellationToken);
        var hasActive = current.Any(a => a.Status == PayoutAccountStatus.Active);
        foreach (var unconfirmed in current.Where(a => a.Status == PayoutAccountStatus.AwaitingConfirmation))
        {
            unconfirmed.Retire();
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var account = PayoutAccount.Add(sellerId, code, digits, holder, shopName, hasActive, Hash(token), clock.GetUtcNow());
        db.PayoutAccounts.Add(account);
        if (hasActive)
        {
            // Mail only, never the inbox: following the link proves the seller holds the shop's mailbox, not just a session.
            var seller = await (from s in db.Sellers.AsNoTracking()
                                join u in db.Users on s.UserId equals u.Id
                                where s.Id == sellerId
                                select new { u.Email, u.PreferredLanguage, s.StoreName }).SingleAsync(cancellationToken);
            outbox.Add(seller.Email!, seller.PreferredLanguage, "Email.PayoutAccountChange", seller.StoreName, account.Bank, account.Number, account.HolderName, confirmUrl(token));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return hasActive ? AccountChange.ConfirmationSent : AccountChange.Added;
    }

    /// <summary>The seller followed the e-mailed link: the new account replaces the old, usable after the cooling-off. False for an unknown or used token.</summary>
    public async Task<bool> ConfirmAccountAsync(int sellerId, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return false;
        }

        var hash = Hash(token);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM sellers WHERE id = {sellerId} FOR UPDATE", cancellationToken);
        var accounts = await db.PayoutAccounts.Where(a => a.SellerId == sellerId && a.Status != PayoutAccountStatus.Retired).ToListAsync(cancellationToken);
        var change = accounts.SingleOrDefault(a => a.Status == PayoutAccountStatus.AwaitingConfirmation && a.ConfirmationHash == hash);
        if (change is null)
        {
            return false;
        }

        foreach (var old in accounts.Where(a => a.Status == PayoutAccountStatus.Active))
        {
            old.Retire();
        }

        change.Confirm(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Takes <paramref name="amount"/> from the available balance and hands it to the disbursement provider.</summary>
    public async Task<WithdrawalOutcome> WithdrawAsync(int sellerId, Rupiah amount, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Payout payout;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var available = await books.LockBalanceAsync(LedgerAccount.SellerBalance(sellerId), cancellationToken);
            var account = await db.PayoutAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.SellerId == sellerId && a.Status == PayoutAccountStatus.Active, cancellationToken);
            if (account is null)
            {
                return WithdrawalOutcome.NoAccount;
            }

            if (!account.IsUsableAt(now))
            {
                return WithdrawalOutcome.CoolingOff;
            }

            try
            {
                payout = new Payout(sellerId, account.Id, amount, new Rupiah(available), now);
            }
            catch (DomainException refused)
            {
                return refused.Code == "payout.below_minimum" ? WithdrawalOutcome.BelowMinimum : WithdrawalOutcome.ExceedsBalance;
            }

            db.Payouts.Add(payout);
            await db.SaveChangesAsync(cancellationToken);
            await books.PostAsync(Postings.Withdrawal(payout.Id, sellerId, amount), now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await SubmitAsync(payout.Id, cancellationToken);
        return WithdrawalOutcome.Requested;
    }

    /// <summary>
    /// Hands a committed payout to the provider, outside the withdrawal's transaction. If the provider cannot be reached, the
    /// payout stays unsubmitted and the after-delivery job tries again; the reference makes a repeat harmless.
    /// </summary>
    public async Task SubmitAsync(long payoutId, CancellationToken cancellationToken)
    {
        var row = await (from p in db.Payouts
                         join a in db.PayoutAccounts on p.PayoutAccountId equals a.Id
                         where p.Id == payoutId
                         select new { Payout = p, a.Bank, a.Number, a.HolderName }).SingleAsync(cancellationToken);
        try
        {
            await provider.SubmitAsync(new DisbursementRequest(row.Payout.Reference, row.Bank, row.Number, row.HolderName, row.Payout.Amount), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "Payout {Reference} not handed to the provider yet; it is tried again", row.Payout.Reference);
            return;
        }

        row.Payout.Submitted(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Payouts committed but not handed to the provider (it was away): handed over again, oldest first.</summary>
    public async Task<int> SubmitPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Payouts.AsNoTracking().Where(p => p.Status == PayoutStatus.InTransit && p.SubmittedAt == null)
            .OrderBy(p => p.Id).Select(p => p.Id).Take(50).ToListAsync(cancellationToken);
        foreach (var id in pending)
        {
            await SubmitAsync(id, cancellationToken);
        }

        return pending.Count;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

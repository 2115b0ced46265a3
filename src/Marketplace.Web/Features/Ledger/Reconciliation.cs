using System.Globalization;
using System.Text;
using Marketplace.Domain.Money;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Ledger;

/// <summary>
/// One WIB day of the books: what came in from shoppers and COD couriers, and where it went that day. Payments in equals
/// the change of escrow, seller balances, fees, payouts (in transit and sent) and refunds; <see cref="Difference"/> is zero
/// on a day that balances.
/// </summary>
public sealed record ReconciliationDay(
    DateOnly Day, long PaymentsIn, long Escrow, long SellerBalances, long Fees, long PayoutsInTransit, long PayoutsSent, long Refunds)
{
    public long Difference => PaymentsIn - (Escrow + SellerBalances + Fees + PayoutsInTransit + PayoutsSent + Refunds);
}

/// <summary>The admins' daily reconciliation, read from the ledger's entries by WIB day.</summary>
public sealed class Reconciliation(MarketplaceDbContext db)
{
    public const int MaxDays = 366;

    private sealed record Row(DateOnly Day, LedgerAccountKind Kind, long Amount);

    public async Task<IReadOnlyList<ReconciliationDay>> DaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (!Wib.InRange(from) || !Wib.InRange(to) || to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            return [];
        }

        var start = Wib.StartOf(from);
        var end = Wib.StartOf(to.AddDays(1));
        var sql = $"""
            SELECT {Wib.DaySql("t.at")} AS "Day", a.kind AS "Kind", sum(e.amount)::bigint AS "Amount"
            FROM ledger_entries e
            JOIN ledger_transactions t ON t.id = e.transaction_id
            JOIN ledger_accounts a ON a.id = e.account_id
            WHERE t.at >= @p0 AND t.at < @p1
            GROUP BY 1, 2
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(sql, start, end).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Day).OrderBy(g => g.Key).Select(g =>
        {
            long Of(LedgerAccountKind kind) => g.Where(r => r.Kind == kind).Sum(r => r.Amount);
            return new ReconciliationDay(
                g.Key, -Of(LedgerAccountKind.PaymentsReceived), Of(LedgerAccountKind.Escrow), Of(LedgerAccountKind.SellerBalance), Of(LedgerAccountKind.PlatformFees),
                Of(LedgerAccountKind.PayoutsInTransit), Of(LedgerAccountKind.PayoutsSent), Of(LedgerAccountKind.RefundsToShoppers));
        }).ToList();
    }

    public static string Csv(IEnumerable<ReconciliationDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var csv = new StringBuilder("day,payments_in,escrow,seller_balances,fees,payouts_in_transit,payouts_sent,refunds,difference\n");
        foreach (var d in days)
        {
            csv.AppendLine(CultureInfo.InvariantCulture, $"{d.Day:yyyy-MM-dd},{d.PaymentsIn},{d.Escrow},{d.SellerBalances},{d.Fees},{d.PayoutsInTransit},{d.PayoutsSent},{d.Refunds},{d.Difference}");
        }

        return csv.ToString();
    }
}

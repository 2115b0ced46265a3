using System.Globalization;
using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Money;

/// <summary>The journal of each business event: which accounts it moves, by how much, under which key.</summary>
public static class Postings
{
    /// <summary>A virtual-account payment of the whole order: each seller's part into its own escrow.</summary>
    public static Journal ShopperPayment(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var entries = order.Parts.Select(p => new JournalEntry(LedgerAccount.Escrow(order.Id, p.SellerId), p.Total.Amount)).ToList();
        entries.Add(new JournalEntry(LedgerAccount.PaymentsReceived, -order.Total.Amount));
        return new Journal(Key("pay", order.Id), JournalKind.ShopperPayment, order.Id, null, entries);
    }

    /// <summary>The COD courier settled the amount it collected on delivering the part.</summary>
    public static Journal CodCollected(long orderId, OrderPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var amount = OrderParts.CollectedOnDelivery(part).Amount;
        return new Journal(Key("cod", orderId, part.SellerId), JournalKind.CodCollected, orderId, part.SellerId, Move(LedgerAccount.PaymentsReceived, LedgerAccount.Escrow(orderId, part.SellerId), amount));
    }

    /// <summary>Money the provider reported for an order that cannot take it: recorded as received and refunded at once.</summary>
    public static Journal UnmatchedPayment(string eventId, long? orderId, Rupiah amount) =>
        new("unmatched:" + eventId, JournalKind.UnmatchedPaymentRefunded, orderId, null, Move(LedgerAccount.PaymentsReceived, LedgerAccount.RefundsToShoppers, amount.Amount));

    /// <summary>
    /// The refunds a paid part owes for its cancelled lines: each line's total, and the shipping fee once every line is
    /// cancelled (nothing ships). Keys per line, so a line cancelled later adds its own refund.
    /// </summary>
    public static IReadOnlyList<Journal> CancellationRefunds(long orderId, OrderPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var escrow = LedgerAccount.Escrow(orderId, part.SellerId);
        var refunds = part.Lines.Where(l => l.Status == OrderLineStatus.Cancelled)
            .Select(l => new Journal(Key("refund-line", l.Id), JournalKind.CancellationRefund, orderId, part.SellerId, Move(escrow, LedgerAccount.RefundsToShoppers, l.LineTotal.Amount)))
            .ToList();
        if (part.Lines.All(l => l.Status == OrderLineStatus.Cancelled) && part.ShippingFee > Rupiah.Zero)
        {
            refunds.Add(new Journal(Key("refund-shipping", orderId, part.SellerId), JournalKind.CancellationRefund, orderId, part.SellerId, Move(escrow, LedgerAccount.RefundsToShoppers, part.ShippingFee.Amount)));
        }

        return refunds;
    }

    /// <summary>An accepted complaint: what the part still holds in escrow goes back to the shopper.</summary>
    public static Journal ComplaintRefund(long orderId, int sellerId, long escrowBalance) =>
        new(Key("complaint-refund", orderId, sellerId), JournalKind.ComplaintRefund, orderId, sellerId, Move(LedgerAccount.Escrow(orderId, sellerId), LedgerAccount.RefundsToShoppers, escrowBalance));

    /// <summary>Escrow to the seller's balance, the platform's fee kept back (never more than the escrow holds).</summary>
    public static Journal Release(long orderId, int sellerId, long escrowBalance, Rupiah fee)
    {
        var kept = Math.Min(fee.Amount, escrowBalance);
        return new Journal(Key("release", orderId, sellerId), JournalKind.Release, orderId, sellerId,
        [
            new(LedgerAccount.Escrow(orderId, sellerId), -escrowBalance),
            new(LedgerAccount.SellerBalance(sellerId), escrowBalance - kept),
            new(LedgerAccount.PlatformFees, kept),
        ]);
    }

    public static Journal Withdrawal(long payoutId, int sellerId, Rupiah amount) =>
        new(Key("payout", payoutId), JournalKind.Withdrawal, null, sellerId, Move(LedgerAccount.SellerBalance(sellerId), LedgerAccount.PayoutsInTransit(sellerId), amount.Amount));

    public static Journal PayoutSettled(long payoutId, int sellerId, Rupiah amount) =>
        new(Key("payout-settled", payoutId), JournalKind.PayoutSettled, null, sellerId, Move(LedgerAccount.PayoutsInTransit(sellerId), LedgerAccount.PayoutsSent, amount.Amount));

    public static Journal PayoutReturned(long payoutId, int sellerId, Rupiah amount) =>
        new(Key("payout-returned", payoutId), JournalKind.PayoutReturned, null, sellerId, Move(LedgerAccount.PayoutsInTransit(sellerId), LedgerAccount.SellerBalance(sellerId), amount.Amount));

    private static JournalEntry[] Move(LedgerAccount from, LedgerAccount to, long amount) => amount < 0
        ? throw new DomainException("ledger.negative_move", "A movement moves a positive amount.")
        : [new(from, -amount), new(to, amount)];

    private static string Key(string kind, params object[] ids) =>
        kind + ":" + string.Join(':', ids.Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)));
}

namespace Marketplace.Domain.Money;

/// <summary>What a journal transaction records: one business event, posted once.</summary>
public enum JournalKind
{
    /// <summary>A virtual-account payment: the order's parts go into escrow.</summary>
    ShopperPayment = 0,

    /// <summary>The COD courier settled what it collected for a delivered part: into escrow.</summary>
    CodCollected = 1,

    /// <summary>Money arrived for an order that cannot take it (expired, another amount, unknown): recorded and refunded.</summary>
    UnmatchedPaymentRefunded = 2,

    /// <summary>A cancelled line (by the seller, or for a missed ship-by deadline) is refunded from escrow.</summary>
    CancellationRefund = 3,

    /// <summary>An accepted complaint refunds what the part still holds in escrow.</summary>
    ComplaintRefund = 4,

    /// <summary>Receipt confirmed (or the days after delivery passed): escrow to the seller's balance, less the platform fee.</summary>
    Release = 5,

    Withdrawal = 6,
    PayoutSettled = 7,

    /// <summary>The disbursement failed: the money goes back to the seller's balance.</summary>
    PayoutReturned = 8,
}

/// <summary>One amount on one account: positive adds to what the account holds, negative takes from it.</summary>
public sealed record JournalEntry(LedgerAccount Account, long Amount);

/// <summary>
/// One movement of money, as entries that sum to zero. <see cref="Key"/> names the business event (an order's payment, a
/// line's refund, a payout), so posting the same event again is recognised and posts nothing.
/// </summary>
public sealed class Journal
{
    public const int KeyMaxLength = 100;

    public Journal(string key, JournalKind kind, long? orderId, int? sellerId, IReadOnlyList<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Key = string.IsNullOrWhiteSpace(key) || key.Length > KeyMaxLength
            ? throw new DomainException("ledger.key_invalid", $"A journal key has 1 to {KeyMaxLength} characters.")
            : key;
        var merged = entries.GroupBy(e => e.Account).Select(g => new JournalEntry(g.Key, g.Sum(e => checked(e.Amount)))).Where(e => e.Amount != 0).ToList();
        if (merged.Count == 0)
        {
            throw new DomainException("ledger.empty", "A journal moves some money.");
        }

        if (merged.Sum(e => checked(e.Amount)) != 0)
        {
            throw new DomainException("ledger.unbalanced", "A journal's entries sum to zero.");
        }

        Kind = kind;
        OrderId = orderId;
        SellerId = sellerId;
        Entries = merged;
    }

    public string Key { get; }

    public JournalKind Kind { get; }

    public long? OrderId { get; }

    public int? SellerId { get; }

    /// <summary>At most one entry per account, none of them zero.</summary>
    public IReadOnlyList<JournalEntry> Entries { get; }
}

namespace Marketplace.Domain.Money;

public enum PayoutStatus
{
    /// <summary>Taken from the balance and handed (or about to be handed) to the disbursement provider.</summary>
    InTransit = 0,
    Paid = 1,

    /// <summary>The provider could not pay it: the amount went back to the balance.</summary>
    Failed = 2,
}

/// <summary>One withdrawal of a seller's available balance to its payout account.</summary>
public sealed class Payout
{
    public const int FailureMaxLength = 200;

    /// <summary>The smallest withdrawal; disbursement fees make smaller ones pointless.</summary>
    public static readonly Rupiah Minimum = new(10_000);

    private Payout()
    {
    }

    public Payout(int sellerId, long payoutAccountId, Rupiah amount, Rupiah available, DateTimeOffset at)
    {
        if (amount < Minimum)
        {
            throw new DomainException("payout.below_minimum", $"A withdrawal is at least {Minimum}.");
        }

        if (amount > available)
        {
            throw new DomainException("payout.exceeds_balance", $"Only {available} is available.");
        }

        SellerId = sellerId;
        PayoutAccountId = payoutAccountId;
        Amount = amount;
        RequestedAt = at;
    }

    public long Id { get; private set; }

    public int SellerId { get; private set; }

    public long PayoutAccountId { get; private set; }

    public Rupiah Amount { get; private set; }

    public PayoutStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>When the provider accepted the request; null while it still has to be handed over.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    public string? FailureReason { get; private set; }

    /// <summary>The reference the provider knows the payout by; the same reference twice is one disbursement.</summary>
    public string Reference => "PO-" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Submitted(DateTimeOffset at) => SubmittedAt ??= at;

    /// <summary>The provider's outcome; false when the payout was settled already (a repeated or late report changes nothing).</summary>
    public bool Settle(bool paid, string? failureReason, DateTimeOffset at)
    {
        if (Status != PayoutStatus.InTransit)
        {
            return false;
        }

        Status = paid ? PayoutStatus.Paid : PayoutStatus.Failed;
        FailureReason = paid ? null : (failureReason is { Length: > FailureMaxLength } ? failureReason[..FailureMaxLength] : failureReason ?? "failed");
        SettledAt = at;
        return true;
    }
}

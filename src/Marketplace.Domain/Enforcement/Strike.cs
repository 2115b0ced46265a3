namespace Marketplace.Domain.Enforcement;

/// <summary>Why a shop earned a strike.</summary>
public enum StrikeSource
{
    /// <summary>The seller tried to publish or edit a listing into a cluster closed to it, after the closure.</summary>
    BlockedAttempt = 0,

    /// <summary>An admin rejected a listing the policy held as possibly misclassified, confirming the misclassification.</summary>
    ConfirmedMisclassification = 1,
}

/// <summary>
/// A penalty point against a shop, naming the rule and the listing. It counts until it expires or an admin voids it
/// (by hand or by granting an appeal); enough active strikes suspend the shop.
/// </summary>
public sealed class Strike
{
    public const int ReasonMaxLength = 500;

    private Strike()
    {
        ReasonCode = string.Empty;
    }

    public Strike(int sellerId, long listingId, int? clusterId, StrikeSource source, string reasonCode, DateTimeOffset issuedAt, TimeSpan lifetime)
        : this()
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new DomainException("strike.lifetime_invalid", "A strike lives for a positive time.");
        }

        SellerId = sellerId;
        ListingId = listingId;
        ClusterId = clusterId;
        Source = source;
        ReasonCode = string.IsNullOrWhiteSpace(reasonCode) ? throw new DomainException("strike.reason_required", "A strike names its rule.") : reasonCode;
        IssuedAt = issuedAt;
        ExpiresAt = issuedAt + lifetime;
    }

    public long Id { get; private set; }

    public int SellerId { get; private set; }

    public long ListingId { get; private set; }

    public int? ClusterId { get; private set; }

    public StrikeSource Source { get; private set; }

    /// <summary>The rule's reason code, such as <c>CLUSTER_BLOCKED</c>.</summary>
    public string ReasonCode { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    public string? VoidedBy { get; private set; }

    public string? VoidReason { get; private set; }

    public bool IsActiveAt(DateTimeOffset at) => VoidedAt is null && at < ExpiresAt;

    /// <summary>An admin takes the strike back, saying why; a voided strike stays on record but no longer counts.</summary>
    public void Void(string reason, string by, DateTimeOffset at)
    {
        if (VoidedAt is not null)
        {
            throw new DomainException("strike.voided", "This strike is voided already.");
        }

        VoidReason = string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength
            ? throw new DomainException("strike.void_reason_required", "Voiding a strike needs a reason of at most 500 characters.")
            : reason.Trim();
        VoidedBy = by;
        VoidedAt = at;
    }
}

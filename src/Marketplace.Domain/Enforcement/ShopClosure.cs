namespace Marketplace.Domain.Enforcement;

/// <summary>
/// An admin's decision to close cross-border shops at an instant (a notice period): from then on the shops cannot sign
/// in, their listings leave the storefront and their orders not yet shipped are cancelled. Reversible by an admin.
/// </summary>
public sealed class ShopClosure
{
    public const int ReasonMaxLength = 500;

    private ShopClosure()
    {
        Reason = string.Empty;
        CreatedBy = string.Empty;
        SellerIds = [];
    }

    public ShopClosure(IReadOnlyCollection<int> sellerIds, string reason, DateTimeOffset closesAt, string createdBy, DateTimeOffset createdAt)
        : this()
    {
        ArgumentNullException.ThrowIfNull(sellerIds);
        SellerIds = sellerIds.Count > 0 ? [.. sellerIds.Distinct().Order()] : throw new DomainException("closure.no_shops", "Choose at least one shop to close.");
        Reason = string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength
            ? throw new DomainException("closure.reason_required", "A closure needs a reason of at most 500 characters.")
            : reason.Trim();
        ClosesAt = closesAt >= createdAt ? closesAt : createdAt;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    /// <summary>The shops closed, as a PostgreSQL array the sign-in check searches.</summary>
    /// <summary>The shops closed, a PostgreSQL array the sign-in check searches.</summary>
    public int[] SellerIds { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The instant the shops close; the notice period runs until then.</summary>
    public DateTimeOffset ClosesAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the closure took effect (shops closed, orders cancelled); null while the notice runs.</summary>
    public DateTimeOffset? AppliedAt { get; private set; }

    public DateTimeOffset? ReversedAt { get; private set; }

    public string? ReversedBy { get; private set; }

    public bool IsDueAt(DateTimeOffset at) => AppliedAt is null && ReversedAt is null && at >= ClosesAt;

    public void MarkApplied(DateTimeOffset at)
    {
        if (AppliedAt is not null || ReversedAt is not null)
        {
            throw new DomainException("closure.not_pending", "This closure has taken effect or been reversed already.");
        }

        AppliedAt = at;
    }

    public void Reverse(string by, DateTimeOffset at)
    {
        if (ReversedAt is not null)
        {
            throw new DomainException("closure.reversed", "This closure has been reversed already.");
        }

        ReversedBy = by;
        ReversedAt = at;
    }
}

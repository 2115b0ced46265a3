namespace Marketplace.Domain.Policy;

/// <summary>A closure of one cluster to cross-border listings: from an instant (now or scheduled) until it is lifted.</summary>
public sealed class ClusterBlock
{
    private ClusterBlock()
    {
        Reason = string.Empty;
        CreatedBy = string.Empty;
    }

    public ClusterBlock(int clusterId, DateTimeOffset startsAt, string reason, string createdBy, DateTimeOffset createdAt)
        : this()
    {
        ClusterId = clusterId;
        StartsAt = startsAt < createdAt ? createdAt : startsAt;
        Reason = string.IsNullOrWhiteSpace(reason) ? throw new DomainException("block.reason_required", "A block needs a reason.") : reason.Trim();
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public int ClusterId { get; private set; }

    /// <summary>When the block acts: the moment it was made, or a scheduled instant later.</summary>
    public DateTimeOffset StartsAt { get; private set; }

    public string Reason { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the sweep that took down live listings ran; null while a scheduled block waits for its instant.</summary>
    public DateTimeOffset? SweptAt { get; private set; }

    public DateTimeOffset? LiftedAt { get; private set; }

    public string? LiftedBy { get; private set; }

    public string? LiftReason { get; private set; }

    public uint Version { get; private set; }

    public bool IsScheduledAt(DateTimeOffset instant) => StartsAt > instant && LiftedAt is null;

    public ClusterBlockWindow Window => new(ClusterId, StartsAt, LiftedAt);

    public void MarkSwept(DateTimeOffset at) => SweptAt ??= at;

    public void Lift(string reason, string liftedBy, DateTimeOffset at)
    {
        if (LiftedAt is not null)
        {
            throw new DomainException("block.already_lifted", "This block was already lifted.");
        }

        LiftReason = string.IsNullOrWhiteSpace(reason) ? throw new DomainException("block.reason_required", "Opening a cluster needs a reason.") : reason.Trim();
        LiftedBy = liftedBy;
        LiftedAt = at;
    }
}

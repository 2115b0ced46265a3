namespace Marketplace.Domain.Policy;

/// <summary>The span of time during which a cluster is closed to cross-border listings.</summary>
public sealed record ClusterBlockWindow(int ClusterId, DateTimeOffset StartsAt, DateTimeOffset? LiftedAt)
{
    public bool ActsAt(DateTimeOffset instant) => StartsAt <= instant && (LiftedAt is null || instant < LiftedAt);
}

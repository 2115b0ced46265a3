namespace Marketplace.Domain.Policy;

/// <summary>Every rule the policy applies, as one immutable snapshot with its version.</summary>
public sealed record PolicyInForce(
    int Version,
    IReadOnlyList<ClusterBlockWindow> Blocks,
    IReadOnlyList<ClusterLexicon> Lexicons,
    CrossBorderMinimumPrice MinimumPrice)
{
    public bool IsBlocked(int clusterId, DateTimeOffset instant) =>
        Blocks.Any(b => b.ClusterId == clusterId && b.ActsAt(instant));
}

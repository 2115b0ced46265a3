namespace Marketplace.Domain.Policy;

/// <summary>Every rule the policy applies, as one immutable snapshot with its version.</summary>
public sealed record PolicyInForce(
    int Version,
    IReadOnlyList<ClusterBlockWindow> Blocks,
    IReadOnlyList<ClusterLexicon> Lexicons,
    CrossBorderMinimumPrice MinimumPrice)
{
    /// <summary>How sure the text model must be before its reading alone sends a listing to review.</summary>
    public decimal ClassifierThreshold { get; init; } = PolicySettings.DefaultClassifierThreshold;

    public bool IsBlocked(int clusterId, DateTimeOffset instant) =>
        Blocks.Any(b => b.ClusterId == clusterId && b.ActsAt(instant));
}

namespace Marketplace.Domain.Policy;

/// <summary>One reason behind a decision, with the cluster it concerns and a message for the seller in both languages.</summary>
public sealed record PolicyReason(string Code, string? ClusterCode, string MessageId, string MessageEn)
{
    public IReadOnlyList<string> MatchedTerms { get; init; } = [];

    public string Message(bool indonesian) => indonesian ? MessageId : MessageEn;
}

namespace Marketplace.Domain.Policy;

/// <summary>The audit record of one decision: what was decided about which listing, under which rules, why, by whom and when.</summary>
public sealed class PolicyDecision
{
    private PolicyDecision()
    {
        Actor = string.Empty;
    }

    public PolicyDecision(long listingId, int sellerId, int? clusterId, PolicyVerdict verdict, DecisionTrigger trigger, string actor, DateTimeOffset decidedAt)
        : this()
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ListingId = listingId;
        SellerId = sellerId;
        ClusterId = clusterId;
        Outcome = verdict.Outcome;
        ReasonCodes = [.. verdict.ReasonCodes];
        MessageId = Join(verdict.Reasons.Select(r => r.MessageId));
        MessageEn = Join(verdict.Reasons.Select(r => r.MessageEn));
        PolicyVersion = verdict.PolicyVersion;
        Trigger = trigger;
        Actor = actor;
        DecidedAt = decidedAt;
    }

    public long Id { get; private set; }

    public long ListingId { get; private set; }

    public int SellerId { get; private set; }

    public int? ClusterId { get; private set; }

    public PolicyOutcome Outcome { get; private set; }

    public IReadOnlyList<string> ReasonCodes { get; private set; } = [];

    /// <summary>The reasons as the seller reads them in Indonesian; null when allowed.</summary>
    public string? MessageId { get; private set; }

    /// <summary>The reasons in English; null when allowed.</summary>
    public string? MessageEn { get; private set; }

    public int PolicyVersion { get; private set; }

    public DecisionTrigger Trigger { get; private set; }

    /// <summary>The user who caused the decision, or <c>system</c> for scheduled work.</summary>
    public string Actor { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public string? Message(bool indonesian) => indonesian ? MessageId : MessageEn;

    private static string? Join(IEnumerable<string> messages)
    {
        var text = string.Join(" ", messages);
        return text.Length == 0 ? null : text;
    }
}

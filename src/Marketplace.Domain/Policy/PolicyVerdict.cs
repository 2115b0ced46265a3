namespace Marketplace.Domain.Policy;

/// <summary>What the policy says of one listing at one instant. <see cref="PolicyDecision"/> is its recorded form.</summary>
public sealed record PolicyVerdict(PolicyOutcome Outcome, IReadOnlyList<PolicyReason> Reasons, int PolicyVersion)
{
    public bool IsAllowed => Outcome == PolicyOutcome.Allowed;

    public IReadOnlyList<string> ReasonCodes => Reasons.Select(r => r.Code).ToList();
}

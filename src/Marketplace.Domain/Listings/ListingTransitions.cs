using Marketplace.Domain.Policy;

namespace Marketplace.Domain.Listings;

/// <summary>Where a listing goes after a policy verdict: the state machine's policy edges, shared by the entity and the set-based sweeps.</summary>
public static class ListingTransitions
{
    public static bool CanPublishFrom(ListingState state) =>
        state is ListingState.Draft or ListingState.PendingReview or ListingState.Rejected or ListingState.Published;

    /// <summary>A listing the rules can act on: live, or taken down by the rules themselves.</summary>
    public static bool IsRuleChangeCandidate(ListingState state, SuspensionSource? suspendedBy) =>
        state == ListingState.Published || (state == ListingState.Suspended && suspendedBy == SuspensionSource.Policy);

    /// <summary>After a publication attempt: Allowed publishes, NeedsReview waits, Blocked rejects.</summary>
    public static ListingState AfterPublication(PolicyOutcome outcome) => outcome switch
    {
        PolicyOutcome.Allowed => ListingState.Published,
        PolicyOutcome.NeedsReview => ListingState.PendingReview,
        _ => ListingState.Rejected,
    };

    /// <summary>After a rule changed: a blocked live listing is suspended by policy; a listing suspended by policy returns when allowed.</summary>
    public static (ListingState State, SuspensionSource? SuspendedBy) AfterRuleChange(PolicyOutcome outcome) => outcome switch
    {
        PolicyOutcome.Allowed => (ListingState.Published, null),
        PolicyOutcome.NeedsReview => (ListingState.PendingReview, null),
        _ => (ListingState.Suspended, SuspensionSource.Policy),
    };
}

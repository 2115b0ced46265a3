using Marketplace.Domain.Policy;

namespace Marketplace.Domain.Listings;

/// <summary>The columns of a listing that a policy decision writes.</summary>
public sealed record ListingStateColumns(
    ListingState State,
    SuspensionSource? SuspendedBy,
    IReadOnlyList<string> ReasonCodes,
    string? StateNote,
    DateTimeOffset StateChangedAt,
    DateTimeOffset? PublishedAt);

/// <summary>
/// The listing state machine's policy edges, once: a pure function from a listing's state columns, a verdict, what
/// triggered it and the instant, to the new state columns. The set-based writer applies what it returns.
/// </summary>
public static class ListingTransitions
{
    public static bool CanPublishFrom(ListingState state) =>
        state is ListingState.Draft or ListingState.PendingReview or ListingState.Rejected or ListingState.Published;

    /// <summary>
    /// Where a verdict takes a listing. A rule change acting on a live listing or one the rules took down, or a seller's
    /// edit of a listing the rules took down, follows the rule-change edge: blocked means suspended by policy, so it can
    /// come back by itself. A publication attempt (a seller's publish or edit, an import, the API, an admin's approval)
    /// and a rule change releasing a listing from review follow the publication edge: blocked means rejected, for the
    /// seller to fix. Rules never act on drafts, rejected, archived or admin-suspended listings; an admin lifting a
    /// takedown brings a listing that was ever live back through the publication edge, and one never published back to draft. The state note and the instant of the
    /// last state change move only when the state does; the publication instant when the listing goes live again.
    /// </summary>
    public static ListingStateColumns After(ListingStateColumns current, PolicyVerdict verdict, DecisionTrigger trigger, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(verdict);
        var candidate = PlacedListings.IsRuleChangeCandidate(current.State, current.SuspendedBy);
        var (state, suspendedBy) = trigger == DecisionTrigger.TakedownLifted
            ? PlacedListings.IsTakenDownByAdmin(current.State, current.SuspendedBy) ? (AfterLift(current, verdict.Outcome), null)
                : throw Forbidden(current, trigger)
            : trigger.IsRuleChange()
            ? candidate ? AfterRuleChange(verdict.Outcome)
                : current.State == ListingState.PendingReview ? (AfterPublication(verdict.Outcome), null)
                : throw Forbidden(current, trigger)
            : CanPublishFrom(current.State) ? (AfterPublication(verdict.Outcome), null)
                : candidate ? AfterRuleChange(verdict.Outcome)
                : throw Forbidden(current, trigger);
        var moved = state != current.State;
        return new ListingStateColumns(
            state,
            suspendedBy,
            [.. verdict.ReasonCodes],
            moved ? null : current.StateNote,
            moved ? at : current.StateChangedAt,
            state == ListingState.Published && current.State != ListingState.Published ? at : current.PublishedAt);
    }

    /// <summary>
    /// An admin takes a listing down (a regulator's order), from any state: a draft or an archived listing is held too,
    /// so it cannot be published or restored around the order. Only an admin brings it back; the note says why.
    /// </summary>
    public static ListingStateColumns SuspendedByAdmin(ListingStateColumns current, PolicyVerdict verdict, string note, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(verdict);
        var moved = !PlacedListings.IsTakenDownByAdmin(current.State, current.SuspendedBy);
        return new ListingStateColumns(
            ListingState.Suspended, SuspensionSource.Admin, [.. verdict.ReasonCodes], note, moved ? at : current.StateChangedAt, current.PublishedAt);
    }

    /// <summary>An admin refuses a listing waiting for review, with a note the seller reads.</summary>
    public static ListingStateColumns RejectedByAdmin(ListingStateColumns current, string note, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.State != ListingState.PendingReview)
        {
            throw Forbidden(current, "reject");
        }

        var checkedNote = string.IsNullOrWhiteSpace(note) ? throw new DomainException("listing.note_required", "A reason is required.") : note.Trim();
        return current with { State = ListingState.Rejected, StateNote = checkedNote, ReasonCodes = [ReasonCodes.RejectedByAdmin], StateChangedAt = at };
    }

    /// <summary>The seller puts a listing away; an admin's take-down stays on record, since archiving would let a seller hide it.</summary>
    public static ListingStateColumns Archived(ListingStateColumns current, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.State == ListingState.Archived || PlacedListings.IsTakenDownByAdmin(current.State, current.SuspendedBy))
        {
            throw Forbidden(current, "archive");
        }

        return current with { State = ListingState.Archived, SuspendedBy = null, StateChangedAt = at };
    }

    /// <summary>The seller takes an archived listing back as a draft, for the policy to decide when it is published again.</summary>
    public static ListingStateColumns Restored(ListingStateColumns current, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.State != ListingState.Archived)
        {
            throw Forbidden(current, "restore");
        }

        return current with { State = ListingState.Draft, StateNote = null, ReasonCodes = [], StateChangedAt = at };
    }

    /// <summary>Triggers that act on listings the seller did not touch; the seller is told what happened.</summary>
    public static bool IsRuleChange(this DecisionTrigger trigger) => trigger is DecisionTrigger.ClusterBlocked or DecisionTrigger.ClusterOpened
        or DecisionTrigger.ScheduledBlock or DecisionTrigger.CategoryMoved or DecisionTrigger.SellerOriginChanged
        or DecisionTrigger.SellerSuspended or DecisionTrigger.SellerReinstated or DecisionTrigger.RulesChanged
        or DecisionTrigger.OriginVerified or DecisionTrigger.SellerClosed or DecisionTrigger.SellerReopened;

    private static DomainException Forbidden(ListingStateColumns current, string action) =>
        new("listing.transition_forbidden", $"Cannot {action} a listing that is {current.State}.");

    private static DomainException Forbidden(ListingStateColumns current, DecisionTrigger trigger) =>
        new("listing.transition_forbidden", $"Cannot decide a listing that is {current.State} on {trigger}.");

    private static ListingState AfterPublication(PolicyOutcome outcome) => outcome switch
    {
        PolicyOutcome.Allowed => ListingState.Published,
        PolicyOutcome.NeedsReview => ListingState.PendingReview,
        _ => ListingState.Rejected,
    };

    /// <summary>A listing that never went live was a draft when it was taken down: lifting gives it back to the seller as one.</summary>
    private static ListingState AfterLift(ListingStateColumns current, PolicyOutcome outcome) =>
        current.PublishedAt is null ? ListingState.Draft : AfterPublication(outcome);

    private static (ListingState State, SuspensionSource? SuspendedBy) AfterRuleChange(PolicyOutcome outcome) => outcome switch
    {
        PolicyOutcome.Allowed => (ListingState.Published, null),
        PolicyOutcome.NeedsReview => (ListingState.PendingReview, null),
        _ => (ListingState.Suspended, SuspensionSource.Policy),
    };
}

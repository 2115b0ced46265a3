using System.Reflection;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;

namespace Marketplace.Domain.Tests.Listings;

public enum TransitionAction
{
    PublishAllowed,
    PublishNeedsReview,
    PublishBlocked,
    RuleChangeAllowed,
    RuleChangeNeedsReview,
    RuleChangeBlocked,
    ClearMisclassification,
    ClearMisclassificationOnAppeal,
    RejectByAdmin,
    Archive,
    Restore,
    Edit,
    LiftTakedownAllowed,
    LiftTakedownBlocked,
    ReopenReview,
}

public class ListingStateMachineTests
{
    private const string AdminNote = "Dokumen merek tidak lengkap";
    private const string EditedTitle = "Kabel data USB-C 2 meter";

    private static readonly DateTimeOffset ActionTime = ListingStates.Created.AddDays(3);

    private static readonly string[] NoReasons = [];
    private static readonly string[] ReviewReasons = ["SUSPECTED_MISCLASSIFICATION", "SUSPECTED_MISCLASSIFICATION"];
    private static readonly string[] BlockReasons = ["SELLER_SUSPENDED"];
    private static readonly string[] AdminRejection = ["REJECTED_BY_ADMIN"];

    private enum Stamp
    {
        Kept,
        SetAtAction,
    }

    private enum Note
    {
        Kept,
        Cleared,
        Admin,
    }

    /// <summary>
    /// The whole state machine, one row per (state, action). Reasons left null are expected to stay as they were;
    /// the verdicts of the actions carry reason codes that no starting state has, so a kept list and a replaced one differ.
    /// </summary>
    private static readonly Dictionary<(StartingState State, TransitionAction Action), Expected> Table = new (StartingState, TransitionAction, Expected)[]
    {
        (StartingState.Draft, TransitionAction.PublishAllowed, Goes(ListingState.Published, NoReasons, publishedAt: Stamp.SetAtAction)),
        (StartingState.Draft, TransitionAction.PublishNeedsReview, Goes(ListingState.PendingReview, ReviewReasons)),
        (StartingState.Draft, TransitionAction.PublishBlocked, Goes(ListingState.Rejected, BlockReasons)),
        (StartingState.Draft, TransitionAction.RuleChangeAllowed, Forbidden),
        (StartingState.Draft, TransitionAction.RuleChangeNeedsReview, Forbidden),
        (StartingState.Draft, TransitionAction.RuleChangeBlocked, Forbidden),
        (StartingState.Draft, TransitionAction.ClearMisclassification, Forbidden),
        (StartingState.Draft, TransitionAction.ClearMisclassificationOnAppeal, Forbidden),
        (StartingState.Draft, TransitionAction.RejectByAdmin, Forbidden),
        (StartingState.Draft, TransitionAction.Archive, Goes(ListingState.Archived)),
        (StartingState.Draft, TransitionAction.Restore, Forbidden),
        (StartingState.Draft, TransitionAction.Edit, Stays()),
        (StartingState.Draft, TransitionAction.LiftTakedownAllowed, Forbidden),
        (StartingState.Draft, TransitionAction.LiftTakedownBlocked, Forbidden),
        (StartingState.Draft, TransitionAction.ReopenReview, Forbidden),

        (StartingState.PendingReview, TransitionAction.PublishAllowed, Goes(ListingState.Published, NoReasons, publishedAt: Stamp.SetAtAction)),
        (StartingState.PendingReview, TransitionAction.PublishNeedsReview, Stays(ReviewReasons)),
        (StartingState.PendingReview, TransitionAction.PublishBlocked, Goes(ListingState.Rejected, BlockReasons)),
        // A rule change that reaches a waiting listing releases it, holds it, or refuses it, as a publication would.
        (StartingState.PendingReview, TransitionAction.RuleChangeAllowed, Goes(ListingState.Published, NoReasons, publishedAt: Stamp.SetAtAction)),
        (StartingState.PendingReview, TransitionAction.RuleChangeNeedsReview, Stays(ReviewReasons)),
        (StartingState.PendingReview, TransitionAction.RuleChangeBlocked, Goes(ListingState.Rejected, BlockReasons)),
        (StartingState.PendingReview, TransitionAction.ClearMisclassification, Stays(clearsMisclassification: true)),
        (StartingState.PendingReview, TransitionAction.ClearMisclassificationOnAppeal, Stays(clearsMisclassification: true)),
        (StartingState.PendingReview, TransitionAction.RejectByAdmin, Goes(ListingState.Rejected, AdminRejection, note: Note.Admin)),
        (StartingState.PendingReview, TransitionAction.Archive, Goes(ListingState.Archived)),
        (StartingState.PendingReview, TransitionAction.Restore, Forbidden),
        (StartingState.PendingReview, TransitionAction.Edit, Stays()),
        (StartingState.PendingReview, TransitionAction.LiftTakedownAllowed, Forbidden),
        (StartingState.PendingReview, TransitionAction.LiftTakedownBlocked, Forbidden),
        (StartingState.PendingReview, TransitionAction.ReopenReview, Stays()),

        (StartingState.Published, TransitionAction.PublishAllowed, Stays(NoReasons)),
        (StartingState.Published, TransitionAction.PublishNeedsReview, Goes(ListingState.PendingReview, ReviewReasons)),
        (StartingState.Published, TransitionAction.PublishBlocked, Goes(ListingState.Rejected, BlockReasons)),
        (StartingState.Published, TransitionAction.RuleChangeAllowed, Stays(NoReasons)),
        (StartingState.Published, TransitionAction.RuleChangeNeedsReview, Goes(ListingState.PendingReview, ReviewReasons)),
        (StartingState.Published, TransitionAction.RuleChangeBlocked, Goes(ListingState.Suspended, BlockReasons, SuspensionSource.Policy)),
        (StartingState.Published, TransitionAction.ClearMisclassification, Forbidden),
        (StartingState.Published, TransitionAction.ClearMisclassificationOnAppeal, Forbidden),
        (StartingState.Published, TransitionAction.RejectByAdmin, Forbidden),
        (StartingState.Published, TransitionAction.Archive, Goes(ListingState.Archived)),
        (StartingState.Published, TransitionAction.Restore, Forbidden),
        (StartingState.Published, TransitionAction.Edit, Stays()),
        (StartingState.Published, TransitionAction.LiftTakedownAllowed, Forbidden),
        (StartingState.Published, TransitionAction.LiftTakedownBlocked, Forbidden),
        (StartingState.Published, TransitionAction.ReopenReview, Stays()),

        (StartingState.Rejected, TransitionAction.PublishAllowed, Goes(ListingState.Published, NoReasons, publishedAt: Stamp.SetAtAction)),
        (StartingState.Rejected, TransitionAction.PublishNeedsReview, Goes(ListingState.PendingReview, ReviewReasons)),
        (StartingState.Rejected, TransitionAction.PublishBlocked, Stays(BlockReasons)),
        (StartingState.Rejected, TransitionAction.RuleChangeAllowed, Forbidden),
        (StartingState.Rejected, TransitionAction.RuleChangeNeedsReview, Forbidden),
        (StartingState.Rejected, TransitionAction.RuleChangeBlocked, Forbidden),
        (StartingState.Rejected, TransitionAction.ClearMisclassification, Forbidden),
        (StartingState.Rejected, TransitionAction.ClearMisclassificationOnAppeal, Stays(clearsMisclassification: true)),
        (StartingState.Rejected, TransitionAction.RejectByAdmin, Forbidden),
        (StartingState.Rejected, TransitionAction.Archive, Goes(ListingState.Archived)),
        (StartingState.Rejected, TransitionAction.Restore, Forbidden),
        (StartingState.Rejected, TransitionAction.Edit, Stays()),
        (StartingState.Rejected, TransitionAction.LiftTakedownAllowed, Forbidden),
        (StartingState.Rejected, TransitionAction.LiftTakedownBlocked, Forbidden),
        (StartingState.Rejected, TransitionAction.ReopenReview, Stays()),

        // A seller's edit of a listing the rules took down follows the rule-change edge: it stays theirs to bring back.
        (StartingState.SuspendedByPolicy, TransitionAction.PublishAllowed, Goes(ListingState.Published, NoReasons, publishedAt: Stamp.SetAtAction)),
        (StartingState.SuspendedByPolicy, TransitionAction.PublishNeedsReview, Goes(ListingState.PendingReview, ReviewReasons)),
        (StartingState.SuspendedByPolicy, TransitionAction.PublishBlocked, Stays(BlockReasons)),
        (StartingState.SuspendedByPolicy, TransitionAction.RuleChangeAllowed, Goes(ListingState.Published, NoReasons, publishedAt: Stamp.SetAtAction)),
        (StartingState.SuspendedByPolicy, TransitionAction.RuleChangeNeedsReview, Goes(ListingState.PendingReview, ReviewReasons)),
        (StartingState.SuspendedByPolicy, TransitionAction.RuleChangeBlocked, Stays(BlockReasons)),
        (StartingState.SuspendedByPolicy, TransitionAction.ClearMisclassification, Forbidden),
        (StartingState.SuspendedByPolicy, TransitionAction.ClearMisclassificationOnAppeal, Stays(clearsMisclassification: true)),
        (StartingState.SuspendedByPolicy, TransitionAction.RejectByAdmin, Forbidden),
        (StartingState.SuspendedByPolicy, TransitionAction.Archive, Goes(ListingState.Archived)),
        (StartingState.SuspendedByPolicy, TransitionAction.Restore, Forbidden),
        (StartingState.SuspendedByPolicy, TransitionAction.Edit, Stays()),
        (StartingState.SuspendedByPolicy, TransitionAction.LiftTakedownAllowed, Forbidden),
        (StartingState.SuspendedByPolicy, TransitionAction.LiftTakedownBlocked, Forbidden),
        (StartingState.SuspendedByPolicy, TransitionAction.ReopenReview, Forbidden),

        (StartingState.SuspendedByAdmin, TransitionAction.PublishAllowed, Forbidden),
        (StartingState.SuspendedByAdmin, TransitionAction.PublishNeedsReview, Forbidden),
        (StartingState.SuspendedByAdmin, TransitionAction.PublishBlocked, Forbidden),
        (StartingState.SuspendedByAdmin, TransitionAction.RuleChangeAllowed, Forbidden),
        (StartingState.SuspendedByAdmin, TransitionAction.RuleChangeNeedsReview, Forbidden),
        (StartingState.SuspendedByAdmin, TransitionAction.RuleChangeBlocked, Forbidden),
        (StartingState.SuspendedByAdmin, TransitionAction.ClearMisclassification, Forbidden),
        (StartingState.SuspendedByAdmin, TransitionAction.ClearMisclassificationOnAppeal, Forbidden),
        (StartingState.SuspendedByAdmin, TransitionAction.RejectByAdmin, Forbidden),
        (StartingState.SuspendedByAdmin, TransitionAction.Archive, Forbidden),
        (StartingState.SuspendedByAdmin, TransitionAction.Restore, Forbidden),
        (StartingState.SuspendedByAdmin, TransitionAction.Edit, Stays()),
        (StartingState.SuspendedByAdmin, TransitionAction.LiftTakedownAllowed, Goes(ListingState.Published, NoReasons, publishedAt: Stamp.SetAtAction, note: Note.Cleared)),
        (StartingState.SuspendedByAdmin, TransitionAction.LiftTakedownBlocked, Goes(ListingState.Rejected, BlockReasons, note: Note.Cleared)),
        (StartingState.SuspendedByAdmin, TransitionAction.ReopenReview, Forbidden),

        (StartingState.Archived, TransitionAction.PublishAllowed, Forbidden),
        (StartingState.Archived, TransitionAction.PublishNeedsReview, Forbidden),
        (StartingState.Archived, TransitionAction.PublishBlocked, Forbidden),
        (StartingState.Archived, TransitionAction.RuleChangeAllowed, Forbidden),
        (StartingState.Archived, TransitionAction.RuleChangeNeedsReview, Forbidden),
        (StartingState.Archived, TransitionAction.RuleChangeBlocked, Forbidden),
        (StartingState.Archived, TransitionAction.ClearMisclassification, Forbidden),
        (StartingState.Archived, TransitionAction.ClearMisclassificationOnAppeal, Forbidden),
        (StartingState.Archived, TransitionAction.RejectByAdmin, Forbidden),
        (StartingState.Archived, TransitionAction.Archive, Forbidden),
        (StartingState.Archived, TransitionAction.Restore, Goes(ListingState.Draft, NoReasons)),
        (StartingState.Archived, TransitionAction.Edit, Forbidden),
        (StartingState.Archived, TransitionAction.LiftTakedownAllowed, Forbidden),
        (StartingState.Archived, TransitionAction.LiftTakedownBlocked, Forbidden),
        (StartingState.Archived, TransitionAction.ReopenReview, Forbidden),
    }.ToDictionary(row => (row.Item1, row.Item2), row => row.Item3);

    private static Expected Forbidden => new(IsForbidden: true);

    public static TheoryData<StartingState, TransitionAction> EveryStateAndAction()
    {
        var data = new TheoryData<StartingState, TransitionAction>();
        foreach (var state in Enum.GetValues<StartingState>())
        {
            foreach (var action in Enum.GetValues<TransitionAction>())
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Fact]
    public void Table_has_exactly_one_row_for_every_state_and_action()
    {
        var states = Enum.GetValues<StartingState>();
        var actions = Enum.GetValues<TransitionAction>();

        Table.Should().HaveCount(states.Length * actions.Length);
        Table.Keys.Should().BeEquivalentTo(states.SelectMany(s => actions.Select(a => (s, a))));
    }

    [Fact]
    public void Starting_states_cover_every_listing_state_and_every_suspension_source()
    {
        var built = Enum.GetValues<StartingState>().ToDictionary(s => s, ListingStates.In);

        built.Values.Select(l => l.State).Distinct().Should().BeEquivalentTo(Enum.GetValues<ListingState>());
        built.Values.Where(l => l.State == ListingState.Suspended).Select(l => l.SuspendedBy!.Value)
            .Should().BeEquivalentTo(Enum.GetValues<SuspensionSource>());
        built[StartingState.SuspendedByPolicy].SuspendedBy.Should().Be(SuspensionSource.Policy);
        built[StartingState.SuspendedByAdmin].SuspendedBy.Should().Be(SuspensionSource.Admin);
        built[StartingState.PendingReview].State.Should().Be(ListingState.PendingReview);
        built[StartingState.Rejected].State.Should().Be(ListingState.Rejected);
    }

    [Fact]
    public void Every_public_method_of_a_listing_is_a_table_action_or_known_to_leave_the_state_alone()
    {
        string[] inTable =
        [
            nameof(Listing.ClearMisclassification), nameof(Listing.ClearMisclassificationOnAppeal), nameof(Listing.RejectByAdmin),
            nameof(Listing.Archive), nameof(Listing.Restore), nameof(Listing.Edit), nameof(Listing.ReopenReview),
        ];
        string[] stateless =
        [
            nameof(Listing.SetPriceAndStock), nameof(Listing.DecrementStock), nameof(Listing.Restock), nameof(Listing.TryTake),
            nameof(Listing.AddImage), nameof(Listing.RemoveImage), nameof(Listing.SetVariants), nameof(Listing.Resize),
        ];

        var methods = typeof(Listing).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .Select(m => m.Name)
            .Distinct();

        methods.Should().BeEquivalentTo(inTable.Concat(stateless), "a new way to change a listing needs rows in the state table");
    }

    [Theory]
    [MemberData(nameof(EveryStateAndAction))]
    public void Each_state_and_action_ends_where_the_table_says(StartingState start, TransitionAction action)
    {
        var listing = ListingStates.In(start);
        var before = Snapshot.Of(listing);
        var expected = Table[(start, action)];

        var act = () => Perform(listing, action);

        if (expected.IsForbidden)
        {
            act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.transition_forbidden");
            Snapshot.Of(listing).Should().BeEquivalentTo(before, "a refused transition changes nothing");
            return;
        }

        act();

        listing.State.Should().Be(expected.State ?? before.State);
        listing.SuspendedBy.Should().Be(expected.KeepsSuspension ? before.SuspendedBy : expected.SuspendedBy);
        listing.ReasonCodes.Should().Equal(expected.Reasons ?? before.ReasonCodes);
        listing.PublishedAt.Should().Be(expected.PublishedAt == Stamp.SetAtAction ? ActionTime : before.PublishedAt);
        listing.StateChangedAt.Should().Be(expected.State is null ? before.StateChangedAt : ActionTime);
        listing.StateNote.Should().Be(expected.Note switch
        {
            Note.Admin => AdminNote,
            Note.Cleared => null,
            _ => before.StateNote,
        });
        listing.MisclassificationCleared.Should().Be(expected.ClearsMisclassification || before.MisclassificationCleared);
        listing.Title.Should().Be(action == TransitionAction.Edit ? EditedTitle : before.Title);
        listing.IsVisibleState.Should().Be(listing.State == ListingState.Published);
    }

    [Fact]
    public void A_block_after_a_publication_keeps_the_first_publication_time_until_the_listing_returns()
    {
        var listing = ListingStates.NewDraft();
        var published = ListingStates.Created.AddHours(1);
        var blocked = published.AddDays(5);
        var reopened = blocked.AddDays(5);

        Decide(listing, Verdicts.Allowed(), DecisionTrigger.SellerPublish, published);
        Decide(listing, Verdicts.Blocked(ReasonCodes.ClusterBlocked), DecisionTrigger.ClusterBlocked, blocked);

        listing.PublishedAt.Should().Be(published);
        listing.StateChangedAt.Should().Be(blocked);

        Decide(listing, Verdicts.Allowed(), DecisionTrigger.ClusterOpened, reopened);

        listing.State.Should().Be(ListingState.Published);
        listing.PublishedAt.Should().Be(reopened);
        listing.SuspendedBy.Should().BeNull();
        listing.ReasonCodes.Should().BeEmpty();
    }

    [Fact]
    public void Lifting_the_takedown_of_a_listing_that_never_went_live_gives_it_back_as_a_draft_whatever_the_rules_say()
    {
        var listing = ListingStates.NewDraft();
        StoredListing.Apply(listing, ListingTransitions.SuspendedByAdmin(
            StoredListing.Columns(listing), Verdicts.Blocked(ReasonCodes.RegulatorTakedown), "Kominfo B-1/2026 (PP 71/2019)", ActionTime));

        Decide(listing, Verdicts.Allowed(), DecisionTrigger.TakedownLifted, ActionTime.AddDays(1));

        listing.State.Should().Be(ListingState.Draft, "the seller never published it, so lifting the order does not publish it either");
        listing.SuspendedBy.Should().BeNull();
        listing.StateNote.Should().BeNull();
        listing.PublishedAt.Should().BeNull();
    }

    /// <summary>A decision as the policy's writer applies it: the state machine's columns, stored.</summary>
    private static void Decide(Listing listing, PolicyVerdict verdict, DecisionTrigger trigger, DateTimeOffset? at = null) =>
        StoredListing.Apply(listing, ListingTransitions.After(StoredListing.Columns(listing), verdict, trigger, at ?? ActionTime));

    private static void Perform(Listing listing, TransitionAction action)
    {
        switch (action)
        {
            case TransitionAction.PublishAllowed:
                Decide(listing, Verdicts.Allowed(), DecisionTrigger.SellerPublish);
                break;
            case TransitionAction.PublishNeedsReview:
                Decide(listing, Verdicts.NeedsReview("FOOD", "CRAFT"), DecisionTrigger.SellerPublish);
                break;
            case TransitionAction.PublishBlocked:
                Decide(listing, Verdicts.Blocked(ReasonCodes.SellerSuspended), DecisionTrigger.SellerPublish);
                break;
            case TransitionAction.RuleChangeAllowed:
                Decide(listing, Verdicts.Allowed(), DecisionTrigger.ClusterOpened);
                break;
            case TransitionAction.RuleChangeNeedsReview:
                Decide(listing, Verdicts.NeedsReview("FOOD", "CRAFT"), DecisionTrigger.RulesChanged);
                break;
            case TransitionAction.RuleChangeBlocked:
                Decide(listing, Verdicts.Blocked(ReasonCodes.SellerSuspended), DecisionTrigger.SellerSuspended);
                break;
            case TransitionAction.ClearMisclassificationOnAppeal:
                listing.ClearMisclassificationOnAppeal();
                break;
            case TransitionAction.ClearMisclassification:
                listing.ClearMisclassification();
                break;
            case TransitionAction.RejectByAdmin:
                listing.RejectByAdmin(AdminNote + "\n", ActionTime);
                break;
            case TransitionAction.Archive:
                listing.Archive(ActionTime);
                break;
            case TransitionAction.Restore:
                listing.Restore(ActionTime);
                break;
            case TransitionAction.Edit:
                listing.Edit(ListingStates.Content(title: EditedTitle), ActionTime);
                break;
            case TransitionAction.LiftTakedownAllowed:
                Decide(listing, Verdicts.Allowed(), DecisionTrigger.TakedownLifted);
                break;
            case TransitionAction.LiftTakedownBlocked:
                Decide(listing, Verdicts.Blocked(ReasonCodes.SellerSuspended), DecisionTrigger.TakedownLifted);
                break;
            case TransitionAction.ReopenReview:
                listing.ReopenReview();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private static Expected Goes(
        ListingState state,
        string[]? reasons = null,
        SuspensionSource? suspendedBy = null,
        Stamp publishedAt = Stamp.Kept,
        Note note = Note.Kept) =>
        new(State: state, Reasons: reasons, SuspendedBy: suspendedBy, PublishedAt: publishedAt, Note: note);

    private static Expected Stays(string[]? reasons = null, bool clearsMisclassification = false) =>
        new(Reasons: reasons, KeepsSuspension: true, ClearsMisclassification: clearsMisclassification);

    /// <summary>
    /// Where a transition leads. A null state means the listing stays where it was and its state change time does not move;
    /// null reasons mean the reasons stay as they were.
    /// </summary>
    private sealed record Expected(
        bool IsForbidden = false,
        ListingState? State = null,
        string[]? Reasons = null,
        SuspensionSource? SuspendedBy = null,
        bool KeepsSuspension = false,
        Stamp PublishedAt = Stamp.Kept,
        Note Note = Note.Kept,
        bool ClearsMisclassification = false);

    private sealed record Snapshot(
        ListingState State,
        SuspensionSource? SuspendedBy,
        string[] ReasonCodes,
        DateTimeOffset? PublishedAt,
        DateTimeOffset StateChangedAt,
        string? StateNote,
        bool MisclassificationCleared,
        string Title)
    {
        public static Snapshot Of(Listing listing) => new(
            listing.State,
            listing.SuspendedBy,
            [.. listing.ReasonCodes],
            listing.PublishedAt,
            listing.StateChangedAt,
            listing.StateNote,
            listing.MisclassificationCleared,
            listing.Title);
    }
}

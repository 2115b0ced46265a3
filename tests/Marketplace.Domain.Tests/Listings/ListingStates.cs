using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;

namespace Marketplace.Domain.Tests.Listings;

/// <summary>The states a listing can be in, with the two kinds of suspension told apart because they behave differently.</summary>
public enum StartingState
{
    Draft,
    PendingReview,
    Published,
    Rejected,
    SuspendedByPolicy,
    SuspendedByAdmin,
    Archived,
}

/// <summary>Puts a listing into each state as the policy's state machine and writer would (an admin's take-down as stored).</summary>
internal static class ListingStates
{
    public const int PolicyVersion = 7;

    public static readonly DateTimeOffset Created = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    public static ListingContent Content(
        string title = "Kabel data USB-C 1 meter",
        string description = "Kabel pengisi daya cepat.",
        long price = 45_000,
        int stock = 20,
        ProductOrigin origin = ProductOrigin.Imported,
        decimal? tkdn = null,
        int categoryId = 11) =>
        new(categoryId, title, description, new Rupiah(price), stock, origin, tkdn);

    public static Listing NewDraft() => new(sellerId: 3, sku: "KBL-USBC-1M", Content(), Created);

    public static Listing In(StartingState state)
    {
        var listing = NewDraft();
        var step = Created;
        DateTimeOffset Next() => step = step.AddHours(1);
        void Decide(PolicyVerdict verdict, DecisionTrigger trigger) =>
            StoredListing.Apply(listing, ListingTransitions.After(StoredListing.Columns(listing), verdict, trigger, Next()));
        switch (state)
        {
            case StartingState.Draft:
                break;
            case StartingState.PendingReview:
                Decide(Verdicts.NeedsReview(), DecisionTrigger.SellerPublish);
                break;
            case StartingState.Published:
                Decide(Verdicts.Allowed(), DecisionTrigger.SellerPublish);
                break;
            case StartingState.Rejected:
                Decide(Verdicts.Blocked(ReasonCodes.BelowCrossBorderMinimum), DecisionTrigger.SellerPublish);
                break;
            case StartingState.SuspendedByPolicy:
                Decide(Verdicts.Allowed(), DecisionTrigger.SellerPublish);
                Decide(Verdicts.Blocked(ReasonCodes.ClusterBlocked), DecisionTrigger.ClusterBlocked);
                break;
            case StartingState.SuspendedByAdmin:
                Decide(Verdicts.Allowed(), DecisionTrigger.SellerPublish);
                StoredListing.Apply(listing, StoredListing.Columns(listing) with
                {
                    State = ListingState.Suspended,
                    SuspendedBy = SuspensionSource.Admin,
                    StateNote = "Foto produk melanggar hak cipta",
                    StateChangedAt = Next(),
                });
                break;
            case StartingState.Archived:
                listing.Archive(Next());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }

        return listing;
    }
}

/// <summary>Verdicts made by hand, so the state machine is tested apart from the policy that produces them.</summary>
internal static class Verdicts
{
    public static PolicyVerdict Allowed() => new(PolicyOutcome.Allowed, [], ListingStates.PolicyVersion);

    public static PolicyVerdict NeedsReview(params string[] clusterCodes) =>
        new(
            PolicyOutcome.NeedsReview,
            (clusterCodes.Length == 0 ? ["TEXTILE"] : clusterCodes).Select(c => Reason(ReasonCodes.SuspectedMisclassification, c)).ToList(),
            ListingStates.PolicyVersion);

    public static PolicyVerdict Blocked(params string[] codes) =>
        new(PolicyOutcome.Blocked, codes.Select(c => Reason(c, "TEXTILE")).ToList(), ListingStates.PolicyVersion);

    private static PolicyReason Reason(string code, string clusterCode) =>
        new(code, clusterCode, "Alasan uji " + code, "Test reason " + code);
}

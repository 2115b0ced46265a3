namespace Marketplace.Domain.Audit;

/// <summary>What an admin did. Stored as a number: append new kinds at the end.</summary>
public enum AdminActionKind
{
    ClusterCreated = 0,
    ClusterBlocked = 1,
    ClusterBlockScheduled = 2,
    ClusterOpened = 3,
    CategoryCreated = 4,
    CategoryRenamed = 5,
    CategoryMoved = 6,
    CategoryRetired = 7,
    LexiconReplaced = 8,
    MinimumPriceChanged = 9,
    ListingApproved = 10,
    ListingRejected = 11,
    /// <summary>An admin verified a shop's evidence of local status; the shop is local from then on.</summary>
    SellerVerified = 12,
    SellerSuspended = 13,
    SellerReinstated = 14,
    /// <summary>An admin ended every session of a user, or a suspension did.</summary>
    SessionsEnded = 15,

    // Numbered apart from the kinds above so that kinds added beside them elsewhere do not take the same numbers.
    ScreeningModelTrained = 30,
    ClassifierThresholdChanged = 31,

    /// <summary>A seller sent evidence of local status; recorded with the seller as actor.</summary>
    OriginVerificationRequested = 40,

    OriginVerificationRefused = 41,

    /// <summary>A shop's origin changed to cross-border, which applies at once.</summary>
    SellerOriginChanged = 42,

    /// <summary>An admin hid a buyer's review from the product page, or showed it again.</summary>
    ReviewHidden = 50,

    ReviewShown = 51,
}

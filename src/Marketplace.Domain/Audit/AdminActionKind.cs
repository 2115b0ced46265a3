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

    // Numbered apart from the kinds above so that kinds added beside them elsewhere do not take the same numbers. The text
    // model is gone (it added no catch on held-out screening families); its two kinds stay so the audit rows it wrote still read.
    ScreeningModelTrained = 30,
    ClassifierThresholdChanged = 31,

    /// <summary>A seller sent evidence of local status; recorded with the seller as actor.</summary>
    OriginVerificationRequested = 40,

    OriginVerificationRefused = 41,

    /// <summary>A shop's origin changed to cross-border, which applies at once.</summary>
    SellerOriginChanged = 42,

    /// <summary>The registry or the front check found something, so a request for local status went to an admin; the findings are in the details.</summary>
    OriginVerificationReferred = 43,

    /// <summary>An admin signed in (after the second factor); recorded with the admin as actor, the address in the details.</summary>
    AdminSignedIn = 50,

    /// <summary>A sign-in to an admin account failed: wrong password, wrong code, or the account locked.</summary>
    AdminSignInFailed = 51,

    /// <summary>A role was given to a user; the role and the user are in the details.</summary>
    RoleGranted = 52,

    RoleRemoved = 53,

    // Enforcement (strikes, appeals, closures, regulator requests), numbered from 100.

    /// <summary>A shop reached the number of active strikes that suspends it; recorded with the system as actor.</summary>
    SellerSuspendedForStrikes = 100,

    StrikeVoided = 101,

    /// <summary>A seller appealed a decision; recorded with the seller as actor.</summary>
    AppealSubmitted = 102,

    AppealUpheld = 103,

    AppealGranted = 104,

    ShopClosureScheduled = 105,

    /// <summary>A scheduled closure took effect; recorded with the system as actor.</summary>
    ShopClosureApplied = 106,

    ShopClosureReversed = 107,

    /// <summary>An admin recorded a regulator's takedown request; the request and its lines are in the details.</summary>
    TakedownRecorded = 108,

    /// <summary>A listing came down under a takedown request, through the policy.</summary>
    ListingTakenDown = 109,

    /// <summary>An admin exported a takedown request's evidence for the regulator.</summary>
    TakedownEvidenceExported = 110,

    /// <summary>An admin named the listing a request's unmatched line meant; the listing came down.</summary>
    TakedownLineMatched = 111,

    /// <summary>The regulator withdrew a request; its listings no other request names were decided again.</summary>
    TakedownWithdrawn = 112,

    /// <summary>An admin hid a buyer's review from the product page, or showed it again.</summary>
    ReviewHidden = 60,

    ReviewShown = 61,

    /// <summary>An admin took back their approval or rejection of a held listing within the undo window; the policy decided it again.</summary>
    ListingReviewUndone = 70,
}

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
    SellerVerified = 12,
    SellerSuspended = 13,
    SellerReinstated = 14,
    SessionsEnded = 15,
}

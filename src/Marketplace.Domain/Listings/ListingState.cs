namespace Marketplace.Domain.Listings;

public enum ListingState
{
    Draft = 0,

    /// <summary>Waiting for an admin: the policy found something it cannot decide alone.</summary>
    PendingReview = 1,

    Published = 2,

    /// <summary>Refused by the policy (or an admin) when the seller published or edited it; the seller may edit and try again.</summary>
    Rejected = 3,

    /// <summary>Taken down after publishing, by a policy change or an admin.</summary>
    Suspended = 4,

    Archived = 5,
}

namespace Marketplace.Domain.Policy;

/// <summary>Stable codes stored on decisions and shown to sellers and regulators.</summary>
public static class ReasonCodes
{
    public const string ClusterBlocked = "CLUSTER_BLOCKED";
    public const string SuspectedMisclassification = "SUSPECTED_MISCLASSIFICATION";
    public const string BelowCrossBorderMinimum = "BELOW_CROSS_BORDER_MINIMUM";
    public const string SellerSuspended = "SELLER_SUSPENDED";
    public const string RejectedByAdmin = "REJECTED_BY_ADMIN";
    public const string UnverifiedLocalOrigin = "UNVERIFIED_LOCAL_ORIGIN";
    public const string RegulatorTakedown = "REGULATOR_TAKEDOWN";
    public const string PhotoMatchesBannedListing = "PHOTO_MATCHES_BANNED_LISTING";
}

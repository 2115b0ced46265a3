namespace Marketplace.Domain.Sellers;

public enum SellerNotificationKind
{
    ListingsSuspendedByPolicy = 0,
    ListingsRestoredByPolicy = 1,
    ListingsNeedReview = 2,
    SellerSuspended = 3,
    SellerReinstated = 4,
    ListingsRejected = 5,
    ListingsReleasedFromReview = 6,
    OriginVerified = 20,
    OriginRefused = 21,
    StrikeIssued = 100,
    SellerSuspendedForStrikes = 101,
    StrikeVoided = 102,
    AppealDecided = 103,
    ListingsSuspendedByAdmin = 104,
    ListingsRestoredByAdmin = 105,
}

/// <summary>An in-app message to a seller, such as "12 of your listings were taken down because a cluster closed".</summary>
public sealed class SellerNotification
{
    private SellerNotification()
    {
        MessageId = string.Empty;
        MessageEn = string.Empty;
    }

    public SellerNotification(int sellerId, SellerNotificationKind kind, int? clusterId, int listingCount, string messageId, string messageEn, DateTimeOffset createdAt)
        : this()
    {
        SellerId = sellerId;
        Kind = kind;
        ClusterId = clusterId;
        ListingCount = listingCount;
        MessageId = messageId;
        MessageEn = messageEn;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public int SellerId { get; private set; }

    public SellerNotificationKind Kind { get; private set; }

    public int? ClusterId { get; private set; }

    public int ListingCount { get; private set; }

    public string MessageId { get; private set; }

    public string MessageEn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public string Message(bool indonesian) => indonesian ? MessageId : MessageEn;

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}

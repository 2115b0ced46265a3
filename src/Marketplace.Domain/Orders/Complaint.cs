namespace Marketplace.Domain.Orders;

public enum ComplaintReason
{
    NotReceived = 0,
    WrongItem = 1,
    Damaged = 2,
}

public enum ComplaintStatus
{
    /// <summary>Waiting for the seller: accept (refund) or answer.</summary>
    Open = 0,

    /// <summary>The seller answered, or let its time pass: an admin decides by <see cref="Complaint.DecideBy"/>.</summary>
    Disputed = 1,

    Refunded = 2,

    /// <summary>An admin found for the seller: the escrow is released to it.</summary>
    Rejected = 3,
}

/// <summary>
/// "Ajukan komplain": a shopper's complaint about one seller's delivered part. While it is open or disputed the part's
/// escrow stays held; it ends refunded (the seller accepted or an admin decided so) or rejected.
/// </summary>
public sealed class Complaint
{
    public const int TextMaxLength = 1000;
    public const int MaxPhotos = 5;

    /// <summary>How long the seller has to accept or answer before the complaint goes to an admin anyway.</summary>
    public static readonly TimeSpan SellerAnswerTime = TimeSpan.FromDays(2);

    /// <summary>How long an admin has to decide a disputed complaint.</summary>
    public static readonly TimeSpan AdminDecisionTime = TimeSpan.FromDays(2);

    private Complaint()
    {
        ShopperUserId = string.Empty;
        Description = string.Empty;
        Photos = [];
    }

    public Complaint(long orderId, int sellerId, string shopperUserId, ComplaintReason reason, string description, IReadOnlyList<string> photos, DateTimeOffset deliveredAt, DateTimeOffset at)
        : this()
    {
        ArgumentNullException.ThrowIfNull(photos);
        if (!OrderParts.MayComplain(deliveredAt, at))
        {
            throw new DomainException("complaint.window_closed", "A complaint is made within 2 days of delivery.");
        }

        if (!Enum.IsDefined(reason))
        {
            throw new DomainException("complaint.reason_invalid", "Choose what went wrong.");
        }

        OrderId = orderId;
        SellerId = sellerId;
        ShopperUserId = shopperUserId;
        Reason = reason;
        Description = Text(description);
        Photos = photos.Count <= MaxPhotos ? photos.ToList() : throw new DomainException("complaint.too_many_photos", $"At most {MaxPhotos} photos.");
        FiledAt = at;
        AnswerBy = at + SellerAnswerTime;
    }

    public long Id { get; private set; }

    public long OrderId { get; private set; }

    public int SellerId { get; private set; }

    public string ShopperUserId { get; private set; }

    public ComplaintReason Reason { get; private set; }

    public string Description { get; private set; }

    /// <summary>Stored names of the re-encoded photos.</summary>
    public List<string> Photos { get; private set; }

    public ComplaintStatus Status { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public DateTimeOffset AnswerBy { get; private set; }

    public string? SellerAnswer { get; private set; }

    /// <summary>Set once the complaint is disputed: when an admin must have decided.</summary>
    public DateTimeOffset? DecideBy { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Holds the part's escrow: neither the shopper's confirmation nor the days after delivery release it.</summary>
    public bool HoldsEscrow => Status is ComplaintStatus.Open or ComplaintStatus.Disputed;

    /// <summary>Whether an admin may decide now: disputed, or the seller's time to answer has passed.</summary>
    public bool AwaitsAdmin(DateTimeOffset now) => Status == ComplaintStatus.Disputed || (Status == ComplaintStatus.Open && now > AnswerBy);

    public void AcceptBySeller(DateTimeOffset at)
    {
        Require(ComplaintStatus.Open);
        Status = ComplaintStatus.Refunded;
        ClosedAt = at;
    }

    public void AnswerBySeller(string answer, DateTimeOffset at)
    {
        Require(ComplaintStatus.Open);
        SellerAnswer = Text(answer);
        Status = ComplaintStatus.Disputed;
        DecideBy = at + AdminDecisionTime;
    }

    /// <summary>An admin's decision: refund the shopper, or release the escrow to the seller.</summary>
    public void Decide(bool refund, string admin, DateTimeOffset at)
    {
        if (!AwaitsAdmin(at))
        {
            throw new DomainException("complaint.not_disputed", "Only a disputed complaint, or one the seller left unanswered, is decided by an admin.");
        }

        Status = refund ? ComplaintStatus.Refunded : ComplaintStatus.Rejected;
        DecidedBy = admin;
        ClosedAt = at;
    }

    private void Require(ComplaintStatus status)
    {
        if (Status != status)
        {
            throw new DomainException("complaint.closed", "This complaint has moved on already.");
        }
    }

    private static string Text(string text) => string.IsNullOrWhiteSpace(text) || text.Trim().Length > TextMaxLength
        ? throw new DomainException("complaint.text_invalid", $"Write 1 to {TextMaxLength} characters.")
        : text.Trim();
}

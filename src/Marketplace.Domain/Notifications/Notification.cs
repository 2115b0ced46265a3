namespace Marketplace.Domain.Notifications;

/// <summary>Which inbox an item belongs in: the shopper's in the storefront, or the seller's in the seller portal.</summary>
public enum NotificationAudience
{
    Shopper = 0,
    Seller = 1,
}

/// <summary>What happened. Each kind is told to one audience; its text is the resource <c>Email.{Kind}</c>.</summary>
public enum NotificationKind
{
    OrderPlaced = 0,
    OrderPaid = 1,
    OrderShipped = 2,
    OrderDelivered = 3,
    OrderRefunded = 4,

    /// <summary>The seller missed the ship-by deadline: the order was cancelled and paid money went back.</summary>
    ShipByCancelled = 5,
    ComplaintRefunded = 6,
    ComplaintRejected = 7,

    /// <summary>An order the seller may pack and ship now: paid, or placed as cash on delivery.</summary>
    OrderForSeller = 100,

    /// <summary>The seller's side of <see cref="ShipByCancelled"/>: cancelled without a strike.</summary>
    ShipByCancelledSeller = 101,
    ComplaintFiled = 102,
    PayoutPaid = 103,
    PayoutFailed = 104,

    /// <summary>The account's password was changed by its owner, signed in.</summary>
    PasswordChanged = 200,

    /// <summary>The account's password was set again from a reset link.</summary>
    PasswordReset = 201,

    /// <summary>The account's e-mail address was changed; told to the address it had before.</summary>
    EmailChanged = 202,
}

/// <summary>
/// One item of a user's inbox in the site, written with the e-mail that tells the same thing, in the recipient's language
/// at the time it was written (like the mail, it is not translated again later).
/// </summary>
public sealed class Notification
{
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 8000;
    public const int LinkMaxLength = 500;

    private Notification()
    {
        UserId = string.Empty;
        Title = string.Empty;
        Body = string.Empty;
    }

    /// <param name="link">A path inside the site ("/Orders/MP-..."), or null when there is nothing to open.</param>
    public Notification(string userId, NotificationKind kind, string title, string body, string? link, DateTimeOffset createdAt)
        : this()
    {
        UserId = string.IsNullOrWhiteSpace(userId) ? throw new DomainException("notification.user_required", "A notification is for a user.") : userId;
        Kind = kind;
        Audience = AudienceOf(kind);
        Title = string.IsNullOrWhiteSpace(title) ? throw new DomainException("notification.title_required", "A notification has a title.") : Cut(title.Trim(), TitleMaxLength);
        Body = Cut(body.Trim(), BodyMaxLength);
        Link = link is null ? null
            : link.Length <= LinkMaxLength && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal)
                ? link
                : throw new DomainException("notification.link_invalid", "A notification links to a path inside the site.");
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public NotificationAudience Audience { get; private set; }

    public NotificationKind Kind { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static NotificationAudience AudienceOf(NotificationKind kind) => kind switch
    {
        NotificationKind.OrderForSeller or NotificationKind.ShipByCancelledSeller or NotificationKind.ComplaintFiled
            or NotificationKind.PayoutPaid or NotificationKind.PayoutFailed => NotificationAudience.Seller,
        _ => NotificationAudience.Shopper,
    };

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}

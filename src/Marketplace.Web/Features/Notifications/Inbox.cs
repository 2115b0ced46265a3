using System.Security.Claims;
using Marketplace.Domain.Notifications;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Notifications;

/// <summary>Where an inbox item is kept: the inbox table, or the seller notices the listing policy writes (in both languages).</summary>
public enum InboxSource
{
    Notification = 0,
    PolicyNotice = 1,
}

/// <param name="Link">A path inside the site the item opens, or null.</param>
public sealed record InboxItem(InboxSource Source, long Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool Read);

public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Page, bool HasOlder);

/// <summary>What opening an item leads to: its link, or null when it has none.</summary>
public sealed record InboxOpened(string? Link);

/// <summary>
/// A user's inbox, read and marked by its owner only: every statement is filtered by the user, so another user's item reads as
/// not found. The seller's inbox shows the policy's seller notices (<see cref="SellerNotification"/>) beside the inbox items
/// in the same statement, each kept and marked read in its own table, so each notice has one truth.
/// </summary>
public sealed class Inbox(MarketplaceDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
{
    public const int PageSize = 20;
    public const int MaxPage = 500;

    private readonly Dictionary<(string, NotificationAudience), int> _unread = [];

    /// <summary>The signed-in user's id; null for a visitor, whose pages then ask nothing of the database.</summary>
    public static string? UserIdOf(ClaimsPrincipal user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public async Task<InboxPage> PageAsync(string userId, NotificationAudience audience, int page, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, MaxPage);
        var rows = await db.Database.SqlQuery<InboxRow>($"""
            SELECT "Source", "Id", "Kind", "Title", "Body", "Link", "CreatedAt", "ReadAt" FROM (
                SELECT {(int)InboxSource.Notification} AS "Source", n.id AS "Id", n.kind AS "Kind", n.title AS "Title", n.body AS "Body",
                    n.link AS "Link", n.created_at AS "CreatedAt", n.read_at AS "ReadAt"
                FROM notifications n
                WHERE n.user_id = {userId} AND n.audience = {(int)audience}
                UNION ALL
                SELECT {(int)InboxSource.PolicyNotice}, p.id, p.kind, NULL, CASE WHEN {Languages.IsIndonesian} THEN p.message_id ELSE p.message_en END,
                    NULL, p.created_at, p.read_at
                FROM seller_notifications p JOIN sellers s ON s.id = p.seller_id
                WHERE {(int)audience} = {(int)NotificationAudience.Seller} AND s.user_id = {userId}
            ) items
            ORDER BY "CreatedAt" DESC, "Source", "Id" DESC
            OFFSET {(page - 1) * PageSize} LIMIT {PageSize + 1}
            """).ToListAsync(cancellationToken);
        var items = rows.Take(PageSize).Select(Item).ToList();
        return new InboxPage(items, page, rows.Count > PageSize);
    }

    /// <summary>The unread items of the user's inbox: one statement on partial indexes of unread rows, asked once per request.</summary>
    public async Task<int> UnreadAsync(string userId, NotificationAudience audience, CancellationToken cancellationToken)
    {
        if (!_unread.TryGetValue((userId, audience), out var count))
        {
            count = (int)await db.Database.SqlQuery<long>($"""
                SELECT (SELECT count(*) FROM notifications WHERE user_id = {userId} AND audience = {(int)audience} AND read_at IS NULL)
                    + (SELECT count(*) FROM seller_notifications p JOIN sellers s ON s.id = p.seller_id
                       WHERE {(int)audience} = {(int)NotificationAudience.Seller} AND s.user_id = {userId} AND p.read_at IS NULL) AS "Value"
                """).SingleAsync(cancellationToken);
            _unread[(userId, audience)] = count;
        }

        return count;
    }

    /// <summary>Marks the user's item read and says where it leads; null when the user has no such item.</summary>
    public async Task<InboxOpened?> OpenAsync(string userId, NotificationAudience audience, InboxSource source, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _unread.Clear();
        if (source == InboxSource.Notification)
        {
            var mine = db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.Audience == audience);
            var item = await mine.Select(n => new { n.Link }).SingleOrDefaultAsync(cancellationToken);
            if (item is null)
            {
                return null;
            }

            await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
            return new InboxOpened(item.Link);
        }

        var notices = PolicyNotices(userId, audience).Where(p => p.Id == id);
        var notice = await notices.Select(p => new { p.Kind }).SingleOrDefaultAsync(cancellationToken);
        if (notice is null)
        {
            return null;
        }

        await notices.Where(p => p.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(p => p.ReadAt, now), cancellationToken);
        return new InboxOpened(PolicyLink(notice.Kind));
    }

    public async Task MarkAllReadAsync(string userId, NotificationAudience audience, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _unread.Clear();
        await db.Notifications.Where(n => n.UserId == userId && n.Audience == audience && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
        await PolicyNotices(userId, audience).Where(p => p.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ReadAt, now), cancellationToken);
    }

    /// <summary>The policy's notices to the user's shop; none in a shopper's inbox.</summary>
    private IQueryable<SellerNotification> PolicyNotices(string userId, NotificationAudience audience) =>
        db.SellerNotifications.Where(p => audience == NotificationAudience.Seller && db.Sellers.Any(s => s.Id == p.SellerId && s.UserId == userId));

    private InboxItem Item(InboxRow row)
    {
        if (row.Source == (int)InboxSource.Notification)
        {
            return new InboxItem(InboxSource.Notification, row.Id, row.Title ?? string.Empty, row.Body, row.Link, row.CreatedAt, row.ReadAt is not null);
        }

        var kind = (SellerNotificationKind)row.Kind;
        var title = text["Inbox.Policy." + kind];
        return new InboxItem(InboxSource.PolicyNotice, row.Id, title.ResourceNotFound ? text["Inbox.Policy"] : title, row.Body, PolicyLink(kind), row.CreatedAt, row.ReadAt is not null);
    }

    /// <summary>The portal page where the seller acts on a policy notice.</summary>
    private static string PolicyLink(SellerNotificationKind kind) => kind switch
    {
        SellerNotificationKind.OriginVerified or SellerNotificationKind.OriginRefused => "/Seller/Verification",
        SellerNotificationKind.StrikeIssued or SellerNotificationKind.AppealDecided or SellerNotificationKind.SellerSuspended
            or SellerNotificationKind.SellerSuspendedForStrikes => "/Seller/Appeals",
        SellerNotificationKind.SellerReinstated or SellerNotificationKind.StrikeVoided => "/Seller",
        _ => "/Seller/Listings",
    };

    /// <summary>One row of the inbox statement; the aliases are these names.</summary>
    private sealed class InboxRow
    {
        public int Source { get; init; }

        public long Id { get; init; }

        public int Kind { get; init; }

        public string? Title { get; init; }

        public string Body { get; init; } = string.Empty;

        public string? Link { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? ReadAt { get; init; }
    }
}

using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sellers;

/// <summary>A listing that is not live, with the rule that keeps it off the shop and since when.</summary>
public sealed record ListingNotice(
    long ListingId,
    string Title,
    ListingState State,
    SuspensionSource? SuspendedBy,
    string? AdminNote,
    DateTimeOffset Since,
    string? ClusterNameId,
    string? ClusterNameEn,
    string? ReasonId,
    string? ReasonEn);

public sealed record SellerNotices(IReadOnlyList<SellerNotification> Notifications, IReadOnlyList<ListingNotice> Listings);

/// <summary>What the policy did to a seller's listings, as the seller reads it: notifications and the reason behind every listing that is not live.</summary>
public sealed class SellerPolicyNotices(MarketplaceDbContext db, TimeProvider clock)
{
    public const int Shown = 50;

    public async Task<SellerNotices> ReadAsync(int sellerId, CancellationToken cancellationToken)
    {
        var notifications = await db.SellerNotifications.AsNoTracking()
            .Where(n => n.SellerId == sellerId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(20)
            .ToListAsync(cancellationToken);

        var listings = await (
            from l in db.Listings.AsNoTracking()
            where l.SellerId == sellerId
                && (l.State == ListingState.Rejected || l.State == ListingState.Suspended || l.State == ListingState.PendingReview)
            orderby l.StateChangedAt descending, l.Id descending
            let decision = db.PolicyDecisions.Where(d => d.ListingId == l.Id).OrderByDescending(d => d.Id).FirstOrDefault()
            let cluster = db.Clusters.FirstOrDefault(c => decision != null && c.Id == decision.ClusterId)
            select new ListingNotice(
                l.Id,
                l.Title,
                l.State,
                l.SuspendedBy,
                l.StateNote,
                l.StateChangedAt,
                cluster != null ? cluster.NameId : null,
                cluster != null ? cluster.NameEn : null,
                decision != null ? decision.MessageId : null,
                decision != null ? decision.MessageEn : null))
            .Take(Shown)
            .ToListAsync(cancellationToken);

        return new SellerNotices(notifications, listings);
    }

    public Task<int> MarkAllReadAsync(int sellerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.SellerNotifications
            .Where(n => n.SellerId == sellerId && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}

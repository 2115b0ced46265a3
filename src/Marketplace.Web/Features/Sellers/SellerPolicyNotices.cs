using Marketplace.Domain.Listings;
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

/// <summary>
/// The reason behind every listing of a seller that is not live, as the seller reads it. The policy's notices to the seller
/// are read in the seller's inbox (Features/Notifications/Inbox.cs).
/// </summary>
public sealed class SellerPolicyNotices(MarketplaceDbContext db)
{
    public const int Shown = 50;

    public async Task<IReadOnlyList<ListingNotice>> ReadAsync(int sellerId, CancellationToken cancellationToken) =>
        await (
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
}

using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;

namespace Marketplace.Web.Features.Storefront;

/// <summary>A listing a shopper may see, with its seller and category, for projections.</summary>
/// <remarks>Init-only properties rather than a positional record: EF Core can compose queries over a member initialiser, not over constructor arguments.</remarks>
public sealed class VisibleListing
{
    public required Listing Listing { get; init; }

    public required Seller Seller { get; init; }

    public required Category Category { get; init; }
}

public static class VisibleListings
{
    /// <summary>
    /// The one visibility predicate every shopper-facing query starts from. Besides the published state it re-checks
    /// what the policy would say now: the seller is active, and the cluster of a cross-border listing, or of a shop whose
    /// local status no admin has verified, is not blocked at <paramref name="now"/>, whatever state the row is in.
    /// </summary>
    public static IQueryable<VisibleListing> VisibleListingsAt(this MarketplaceDbContext db, DateTimeOffset now)
    {
        var acting = db.ClusterBlocksActingAt(now);
        return from listing in db.Listings
               join seller in db.Sellers on listing.SellerId equals seller.Id
               join category in db.Categories on listing.CategoryId equals category.Id
               where listing.State == ListingState.Published
                   && seller.Status == SellerStatus.Active
                   && !((seller.Origin == SellerOrigin.CrossBorder || listing.Origin == ProductOrigin.Imported || seller.VerifiedAt == null)
                       && acting.Any(b => b.ClusterId == category.ClusterId))
               select new VisibleListing { Listing = listing, Seller = seller, Category = category };
    }

    /// <summary>
    /// Blocks in force at <paramref name="now"/>: started, and not lifted yet. The SQL form of
    /// <see cref="Domain.Policy.ClusterBlockWindow.ActsAt"/>, shared by everything the storefront shows about closures.
    /// </summary>
    public static IQueryable<ClusterBlock> ClusterBlocksActingAt(this MarketplaceDbContext db, DateTimeOffset now) =>
        db.ClusterBlocks.Where(b => b.StartsAt <= now && (b.LiftedAt == null || b.LiftedAt > now));
}

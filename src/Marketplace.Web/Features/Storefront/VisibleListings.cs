using Marketplace.Domain;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

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

/// <summary>A variant as shoppers see it: never without its listing being visible.</summary>
public sealed record VariantOffer(long Id, long ListingId, string Label, Rupiah Price, int Stock);

public static class VisibleVariants
{
    /// <summary>Variants of listings visible at <paramref name="now"/>: a variant is visible only while its listing is.</summary>
    public static IQueryable<ListingVariant> VisibleVariantsAt(this MarketplaceDbContext db, DateTimeOffset now) =>
        db.ListingVariants.Where(x => db.VisibleListingsAt(now).Any(v => v.Listing.Id == x.ListingId));

    /// <summary>The visible variants among <paramref name="ids"/>, by id; null ids are skipped.</summary>
    public static async Task<IReadOnlyDictionary<long, VariantOffer>> OfferedAsync(
        MarketplaceDbContext db, DateTimeOffset now, IEnumerable<long?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<long>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<long, VariantOffer>();
        }

        var offers = await ReadAsync(db.VisibleVariantsAt(now).Where(x => wanted.Contains(x.Id)), cancellationToken);
        return offers.ToDictionary(o => o.Id);
    }

    /// <summary>A listing's variants in the seller's order, for its product page; empty when it has none or is not visible.</summary>
    public static Task<IReadOnlyList<VariantOffer>> OfListingAsync(MarketplaceDbContext db, DateTimeOffset now, long listingId, CancellationToken cancellationToken) =>
        ReadAsync(db.VisibleVariantsAt(now).Where(x => x.ListingId == listingId).OrderBy(x => x.Position), cancellationToken);

    private static async Task<IReadOnlyList<VariantOffer>> ReadAsync(IQueryable<ListingVariant> variants, CancellationToken cancellationToken)
    {
        var rows = await variants.Select(x => new { x.Id, x.ListingId, x.Name1, x.Value1, x.Name2, x.Value2, x.Price, x.Stock }).ToListAsync(cancellationToken);
        return rows.Select(r => new VariantOffer(r.Id, r.ListingId, new VariantOptions(r.Name1, r.Value1, r.Name2, r.Value2).Label, r.Price, r.Stock)).ToList();
    }
}

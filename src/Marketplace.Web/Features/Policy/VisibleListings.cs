using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Policy;

public static class VisibleListings
{
    /// <summary>Listings a shopper may see at <paramref name="now"/>, with their seller and category (<see cref="PlacedListings.VisibleUnder"/>).</summary>
    public static IQueryable<PlacedListing> VisibleListingsAt(this MarketplaceDbContext db, DateTimeOffset now) =>
        db.PlacedListings.Where(PlacedListings.VisibleUnder(db.ClusterBlocksActingAt(now)));

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

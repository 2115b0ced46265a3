using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Storefront;

public sealed record ProductDetails(
    long Id,
    string Title,
    string Description,
    Rupiah Price,
    int Stock,
    decimal? TkdnPercent,
    bool IsCrossBorder,
    int CategoryId,
    SellerCard Seller,
    IReadOnlyList<string> Images,
    int SoldCount,
    ProductRating Rating,
    bool HasVariants)
{
    /// <summary>One packed unit's weight and size, which the shipping estimate prices.</summary>
    public ParcelSize Parcel { get; init; } = ParcelSize.Assumed;

    /// <summary>The variants to choose from, in the seller's order; empty for a listing sold as one thing.</summary>
    public IReadOnlyList<VariantOffer> Variants { get; init; } = [];
}

public sealed record ProductPageContent(ProductDetails Product, IReadOnlyList<CategoryNode> CategoryPath, IReadOnlyList<ListingCard> Related);

/// <summary>Reads a product page: the listing only while it is visible, its category path and more from the same category.</summary>
public sealed class ProductPage(StorefrontReads reads, CatalogReader catalog, TimeProvider clock)
{
    public const int RelatedCount = 6;

    /// <returns>Null when no shopper may see the listing now; the page answers 404.</returns>
    public async Task<ProductPageContent?> ReadAsync(long id, CancellationToken cancellationToken)
    {
        var db = await reads.ContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var product = await db.VisibleListingsAt(now)
            .Where(v => v.Listing.Id == id)
            .Select(v => new ProductDetails(
                v.Listing.Id,
                v.Listing.Title,
                v.Listing.Description,
                v.Listing.Price,
                v.Listing.Stock,
                v.Listing.TkdnPercent,
                PlacedListings.IsCrossBorder(v.Seller.Origin, v.Listing.Origin),
                v.Listing.CategoryId,
                new SellerCard(v.Seller.Id, v.Seller.StoreName, v.Seller.Slug, v.Seller.City, v.Seller.Province, PlacedListings.IsShopAbroad(v.Seller.Origin), v.Seller.CountryCode),
                v.Listing.Images.OrderBy(i => i.Position).Select(i => i.StoredName).ToList(),
                v.Listing.SoldCount,
                new ProductRating(v.Listing.RatingCount, v.Listing.RatingSum),
                v.Listing.HasVariants)
            {
                Parcel = new ParcelSize(v.Listing.WeightGrams, v.Listing.LengthCm, v.Listing.WidthCm, v.Listing.HeightCm),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return null;
        }

        if (product.HasVariants)
        {
            product = product with { Variants = await VisibleVariants.OfListingAsync(db, now, id, cancellationToken) };
        }

        var related = await db.VisibleListingsAt(now)
            .Where(v => v.Listing.CategoryId == product.CategoryId && v.Listing.Id != id)
            .OrderByDescending(v => v.Listing.PublishedAt).ThenByDescending(v => v.Listing.Id)
            .Select(ListingCard.FromVisible)
            .TakeLiteral(RelatedCount)
            .ToListAsync(cancellationToken);
        var tree = await catalog.ReadAsync(cancellationToken);
        return new ProductPageContent(product, tree.PathTo(product.CategoryId), related);
    }
}

using System.Linq.Expressions;
using Marketplace.Domain;
using Marketplace.Domain.Listings;

namespace Marketplace.Web.Features.Storefront;

/// <summary>What a product tile shows; projected in SQL so only these columns travel.</summary>
/// <param name="HasVariants">The price is the lowest of the listing's variants, shown as "mulai Rp ...".</param>
public sealed record ListingCard(
    long Id,
    string Title,
    Rupiah Price,
    int Stock,
    decimal? TkdnPercent,
    bool IsCrossBorder,
    string SellerName,
    string SellerSlug,
    string SellerCity,
    string SellerCountry,
    string? ImageName,
    int SoldCount,
    ProductRating Rating,
    bool HasVariants)
{
    public static readonly Expression<Func<PlacedListing, ListingCard>> FromVisible = v => new ListingCard(
        v.Listing.Id,
        v.Listing.Title,
        v.Listing.Price,
        v.Listing.Stock,
        v.Listing.TkdnPercent,
        PlacedListings.IsCrossBorder(v.Seller.Origin, v.Listing.Origin),
        v.Seller.StoreName,
        v.Seller.Slug,
        v.Seller.City,
        v.Seller.CountryCode,
        v.Listing.Images.OrderBy(i => i.Position).Select(i => i.StoredName).FirstOrDefault(),
        v.Listing.SoldCount,
        new ProductRating(v.Listing.RatingCount, v.Listing.RatingSum),
        v.Listing.HasVariants);
}

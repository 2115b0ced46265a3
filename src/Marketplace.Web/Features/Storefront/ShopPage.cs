using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Storefront;

public sealed record ShopPageContent(SellerCard Seller, ListingResults Listings);

/// <summary>A seller's shop: the seller while active, and only those of its listings that are visible.</summary>
public sealed class ShopPage(StorefrontReads reads, ListingSearch search)
{
    /// <returns>Null for an unknown or suspended shop; the page answers 404.</returns>
    public async Task<ShopPageContent?> ReadAsync(string slug, ListingQuery query, CancellationToken cancellationToken)
    {
        var db = await reads.ContextAsync(cancellationToken);
        var seller = await db.Sellers.AsNoTracking()
            .Where(s => s.Slug == slug && s.Status == SellerStatus.Active)
            .Select(s => new SellerCard(s.Id, s.StoreName, s.Slug, s.City, s.Province, PlacedListings.IsShopAbroad(s.Origin), s.CountryCode))
            .FirstOrDefaultAsync(cancellationToken);
        if (seller is null)
        {
            return null;
        }

        var listings = await search.FindAsync(query, new ShelfScope(SellerId: seller.Id), cancellationToken);
        return new ShopPageContent(seller, listings);
    }
}

using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sellers.Images;

/// <summary>
/// How many distinct pictures one shop's listings may hold (<c>Images:MaxPhotosPerShop</c>): an upload past it stores no
/// more photos, and each row that needed one is told why, so no shop can fill the disk that every shop shares.
/// </summary>
public sealed class PhotoQuota(MarketplaceDbContext db, IConfiguration configuration)
{
    public const string ReachedKey = "Seller.Image.QuotaReached";

    public int PerShop => configuration.GetValue("Images:MaxPhotosPerShop", 20_000);

    /// <summary>How many more distinct pictures the shop may store now.</summary>
    public async Task<int> RemainingAsync(int sellerId, CancellationToken cancellationToken)
    {
        var held = await db.ListingImages.AsNoTracking()
            .Where(i => db.Listings.Any(l => l.Id == i.ListingId && l.SellerId == sellerId))
            .Select(i => i.StoredName).Distinct().CountAsync(cancellationToken);
        return Math.Max(0, PerShop - held);
    }
}

using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Orders;

public static class CoverImages
{
    /// <summary>The first photo of each listing that has one, by listing id: what an order shows beside its lines.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> CoverImagesAsync(this MarketplaceDbContext db, IEnumerable<long> listingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = listingIds.Distinct().ToList();
        var images = await db.ListingImages.AsNoTracking()
            .Where(i => ids.Contains(i.ListingId))
            .OrderBy(i => i.Position)
            .Select(i => new { i.ListingId, i.StoredName })
            .ToListAsync(cancellationToken);
        return images.GroupBy(i => i.ListingId).ToDictionary(g => g.Key, g => g.First().StoredName);
    }
}

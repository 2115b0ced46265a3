using Marketplace.Web.Data;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sellers.Images;

/// <summary>
/// Serves listing images at <c>/images/{name}</c>. Anyone sees the images of a listing the storefront shows; the owner
/// also sees those of drafts and listings taken down, and admins those of every listing (they review listings held
/// from the storefront); anyone else gets 404, as for a name that does not exist.
/// Photos come from the storage every node shares, so any node serves a photo stored through any other.
/// </summary>
internal static class ImageEndpoint
{
    public static Task<IResult> ServeAsync(
        string name, HttpContext http, ImageStore store, MarketplaceDbContext db, SellerAccounts accounts, TimeProvider clock) =>
        ServeAsync(name, thumbnail: false, http, store, db, accounts, clock);

    /// <summary>The 320-pixel WebP of the same image, at <c>/images/thumbs/{name}</c>, under the same rules.</summary>
    public static Task<IResult> ServeThumbnailAsync(
        string name, HttpContext http, ImageStore store, MarketplaceDbContext db, SellerAccounts accounts, TimeProvider clock) =>
        ServeAsync(name, thumbnail: true, http, store, db, accounts, clock);

    private static async Task<IResult> ServeAsync(
        string name, bool thumbnail, HttpContext http, ImageStore store, MarketplaceDbContext db, SellerAccounts accounts, TimeProvider clock)
    {
        if (!PhotoKeys.IsStoredName(name))
        {
            return Results.NotFound();
        }

        // One stored picture may serve several listings (the rows of an import that name the same photo): it is shown when
        // any of them is, and to the shop that owns any of them.
        var uses = await db.ListingImages.AsNoTracking()
            .Where(i => i.StoredName == name)
            .Join(db.Listings, i => i.ListingId, l => l.Id, (i, l) => new { i.ListingId, l.SellerId, i.ContentType })
            .ToListAsync(http.RequestAborted);
        if (uses.Count == 0)
        {
            return Results.NotFound();
        }

        var listingIds = uses.Select(u => u.ListingId).ToList();
        var visible = await db.VisibleListingsAt(clock.GetUtcNow()).AnyAsync(v => listingIds.Contains(v.Listing.Id), http.RequestAborted);
        if (!visible && !http.User.IsInRole(Roles.Admin))
        {
            var shopId = (await accounts.ShopOfAsync(http.User, http.RequestAborted))?.Id;
            if (!uses.Any(u => u.SellerId == shopId))
            {
                return Results.NotFound();
            }
        }

        return thumbnail
            ? await PhotoResponse.SendAsync(http, PhotoKeys.ThumbnailOf(name), visible, ct => store.ReadThumbnailAsync(name, ct))
            : await PhotoResponse.SendAsync(http, name, visible, ct => store.ReadAsync(name, ct), uses[0].ContentType);
    }
}

using Marketplace.Web.Data;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Reviews;

/// <summary>
/// Serves buyers' review photos at <c>/review-images/{name}</c>: anyone sees those of shown reviews of listings the
/// storefront shows; admins also see hidden ones, to moderate them; anyone else gets 404.
/// </summary>
internal static class ReviewImageEndpoint
{
    public const string Path = "/review-images";

    public static async Task<IResult> ServeAsync(string name, HttpContext http, ImageStore store, MarketplaceDbContext db, TimeProvider clock)
    {
        if (!PhotoKeys.IsStoredName(name))
        {
            return Results.NotFound();
        }

        var review = await db.ProductReviews.AsNoTracking().Where(r => r.ImageName == name).Select(r => new { r.ListingId, r.IsHidden }).SingleOrDefaultAsync(http.RequestAborted);
        if (review is null)
        {
            return Results.NotFound();
        }

        var shown = !review.IsHidden && await db.VisibleListingsAt(clock.GetUtcNow()).AnyAsync(v => v.Listing.Id == review.ListingId, http.RequestAborted);
        if (!shown && !http.User.IsInRole(Roles.Admin))
        {
            return Results.NotFound();
        }

        return await PhotoResponse.SendAsync(http, name, shown, ct => store.ReadAsync(name, ct));
    }
}

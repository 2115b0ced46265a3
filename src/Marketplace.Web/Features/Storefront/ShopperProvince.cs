using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Storefront;

/// <summary>
/// The province a shopper's parcels go to, for shipping estimates: the one they picked (remembered in a cookie for a
/// year), else the province of their last order's address, else none.
/// </summary>
public sealed class ShopperProvince(MarketplaceDbContext db, TimeProvider clock)
{
    public const string CookieName = "mp.province";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    public async Task<string?> ResolveAsync(HttpContext context, string? picked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IndonesianProvinces.Find(picked) is { } chosen)
        {
            context.Response.Cookies.Append(CookieName, chosen, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                Path = "/",
                Expires = clock.GetUtcNow().Add(Lifetime),
            });
            return chosen;
        }

        if (IndonesianProvinces.Find(context.Request.Cookies[CookieName]) is { } remembered)
        {
            return remembered;
        }

        return CartService.ShopperId(context.User) is { } userId
            ? await db.Orders.AsNoTracking().Where(o => o.ShopperUserId == userId)
                .OrderByDescending(o => o.PlacedAt).Select(o => o.Address.Province).FirstOrDefaultAsync(cancellationToken)
            : null;
    }
}

using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Enforcement;

/// <summary>
/// Identity's sign-in, refusing the owner of a closed shop, or of a shop whose closure instant has come and not been
/// applied yet (checked on access, so the instant holds even before the sweep runs).
/// </summary>
public sealed class ClosedShopSignInManager(
    UserManager<ApplicationUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    MarketplaceDbContext db,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !await IsClosedAsync(db, user.Id, clock.GetUtcNow(), CancellationToken.None) && await base.CanSignInAsync(user);
    }

    /// <summary>Whether the user's shop is closed, or due to close, at <paramref name="at"/>.</summary>
    public static async Task<bool> IsClosedAsync(MarketplaceDbContext db, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var shop = await db.Sellers.AsNoTracking().Where(s => s.UserId == userId).Select(s => new { s.Id, s.Status }).SingleOrDefaultAsync(cancellationToken);
        return shop is not null && (shop.Status == SellerStatus.Closed
            || await db.ShopClosures.AnyAsync(c => c.AppliedAt == null && c.ReversedAt == null && c.ClosesAt <= at && c.SellerIds.Contains(shop.Id), cancellationToken));
    }
}

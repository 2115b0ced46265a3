using System.Security.Claims;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sellers;

/// <summary>The shop of the signed-in user: every seller route starts here, so every query is filtered by it.</summary>
public sealed class SellerAccounts(MarketplaceDbContext db, UserManager<ApplicationUser> users)
{
    public Task<Seller?> ShopOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(user);
        return userId is null
            ? Task.FromResult<Seller?>(null)
            : db.Sellers.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
    }

    /// <summary>Who did something, as recorded in decisions and histories.</summary>
    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "seller";
}

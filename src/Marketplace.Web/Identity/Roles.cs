using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Identity;

public static class Roles
{
    public const string Shopper = "Shopper";
    public const string Seller = "Seller";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Shopper, Seller, Admin];

    public static async Task EnsureAsync(IServiceProvider scopedServices)
    {
        var roles = scopedServices.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}

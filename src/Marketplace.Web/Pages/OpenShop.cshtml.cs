using Marketplace.Web.Features.Sellers;
using Marketplace.Web.Features.Sellers.Shop;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages;

/// <summary>A signed-in shopper becomes a seller here; it sits outside the Seller area, which only sellers may enter.</summary>
[Authorize]
public sealed class OpenShopModel(ShopProfiles shops, SellerAccounts accounts, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public ShopForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await accounts.ShopOfAsync(User, cancellationToken) is null ? Page() : RedirectToPage("/Index", new { area = "Seller" });

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var problems = await shops.OpenAsync(user, Input, cancellationToken);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field.Length == 0 ? string.Empty : $"{nameof(Input)}.{problem.Field}", text.Problem(problem.Key));
        }

        if (problems.Count > 0)
        {
            return Page();
        }

        TempData["ShopOpened"] = text["Seller.Open.Success", Input.StoreName].Value;
        return RedirectToPage("/Index", new { area = "Seller" });
    }
}

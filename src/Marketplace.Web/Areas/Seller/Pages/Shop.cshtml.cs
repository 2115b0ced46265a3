using Marketplace.Web.Features.Sellers;
using Marketplace.Web.Features.Sellers.Shop;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages;

public sealed class ShopModel(ShopProfiles shops, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    [BindProperty]
    public ShopForm Input { get; set; } = new();

    /// <summary>Keyed apart from the admin pages' string "Saved", which the same browser may carry.</summary>
    [TempData(Key = "Seller.Shop.Saved")]
    public bool Saved { get; set; }

    public void OnGet() => Input = ShopForm.From(Shop);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var problems = await shops.UpdateAsync(Shop.Id, Input, Actor, cancellationToken);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field.Length == 0 ? string.Empty : $"{nameof(Input)}.{problem.Field}", text.Problem(problem.Key));
        }

        if (problems.Count > 0)
        {
            return Page();
        }

        Saved = true;
        return RedirectToPage();
    }
}

using Marketplace.Domain.Orders;
using Marketplace.Web.Features.Orders;
using Marketplace.Web.Features.Storefront;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages;

public sealed class ProductModel(ProductPage productPage, CartService carts, IStringLocalizer<SharedResource> text) : PageModel
{
    public ProductPageContent Shown { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await productPage.ReadAsync(id, cancellationToken) is not { } content)
        {
            return NotFound();
        }

        Shown = content;
        return Page();
    }

    public async Task<IActionResult> OnPostAddToCartAsync(long id, int quantity, CancellationToken cancellationToken)
    {
        var change = await carts.AddAsync(HttpContext, id, quantity, cancellationToken);
        switch (change.Outcome)
        {
            case CartChangeOutcome.Done:
                Message = text["Cart.Added"];
                return RedirectToPage("/Cart");
            case CartChangeOutcome.NotEnoughStock:
                Message = change.InCart > 0 ? text["Cart.NotEnoughStockInCart", change.Stock, change.InCart] : text["Cart.NotEnoughStock", change.Stock];
                return RedirectToPage(new { id });
            case CartChangeOutcome.QuantityOutOfRange:
                Message = text["Cart.QuantityOutOfRange", Cart.MaxQuantityPerItem];
                return RedirectToPage(new { id });
            default:
                return NotFound();
        }
    }
}

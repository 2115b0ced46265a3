using Marketplace.Domain.Shipping;
using Marketplace.Web.Features.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages;

public sealed class CartModel(CartService carts, CheckoutService checkout, IStringLocalizer<SharedResource> text) : PageModel
{
    public CartEstimate Estimate { get; private set; } = new(CartView.Empty, null, new Dictionary<int, CourierQuote>());

    public CartView Cart => Estimate.Cart;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(string? province, CancellationToken cancellationToken) => Estimate = await checkout.EstimateAsync(HttpContext, province, cancellationToken);

    public async Task<IActionResult> OnPostUpdateAsync(long listingId, long? variantId, int quantity, CancellationToken cancellationToken)
    {
        var change = await carts.SetQuantityAsync(HttpContext, listingId, variantId, quantity, cancellationToken);
        Message = change.Outcome switch
        {
            CartChangeOutcome.NotEnoughStock => text["Cart.NotEnoughStock", change.Stock],
            CartChangeOutcome.Unavailable => text["Cart.Unavailable.CannotChange"],
            CartChangeOutcome.QuantityOutOfRange => text["Cart.QuantityOutOfRange", Domain.Orders.Cart.MaxQuantityPerItem],
            _ => text["Cart.Updated"],
        };
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long listingId, long? variantId, CancellationToken cancellationToken)
    {
        await carts.RemoveAsync(HttpContext, listingId, variantId, cancellationToken);
        Message = text["Cart.Removed"];
        return RedirectToPage();
    }
}

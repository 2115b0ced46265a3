using Marketplace.Domain;
using Marketplace.Web.Features.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages;

public sealed class CartModel(CartService carts, CheckoutService checkout, IStringLocalizer<SharedResource> text) : PageModel
{
    public CartView Cart { get; private set; } = CartView.Empty;

    public Rupiah ShippingFee => checkout.ShippingFeePerSeller;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cart = await carts.ReadAsync(HttpContext, cancellationToken);

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

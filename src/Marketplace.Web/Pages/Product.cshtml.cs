using Marketplace.Domain.Orders;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Features.Orders;
using Marketplace.Web.Features.Reviews;
using Marketplace.Web.Features.Shipping;
using Marketplace.Web.Features.Storefront;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages;

public sealed class ProductModel(ProductPage productPage, CartService carts, ProductReviews reviews, ShopperProvince provinces, ShippingQuotes quotes, IStringLocalizer<SharedResource> text) : PageModel
{
    public ProductPageContent Shown { get; private set; } = null!;

    public IReadOnlyList<ReviewShown> Reviews { get; private set; } = [];

    /// <summary>Where the shopper's parcels go, picked on this page or remembered; null until known.</summary>
    public string? ShipTo { get; private set; }

    /// <summary>Every courier service's quote for one unit to <see cref="ShipTo"/>, cheapest first; the same quotes the cart and checkout make.</summary>
    public IReadOnlyList<CourierQuote> Shipping { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, string? province, CancellationToken cancellationToken)
    {
        if (await productPage.ReadAsync(id, cancellationToken) is not { } content)
        {
            return NotFound();
        }

        Shown = content;
        Reviews = await reviews.ShownAsync(id, cancellationToken);
        ShipTo = await provinces.ResolveAsync(HttpContext, province, cancellationToken);
        Shipping = quotes.For(content.Product.Seller.Province, ShipTo, [(content.Product.Parcel, 1)]);
        return Page();
    }

    public async Task<IActionResult> OnPostAddToCartAsync(long id, long? variantId, int quantity, CancellationToken cancellationToken)
    {
        var change = await carts.AddAsync(HttpContext, id, variantId, quantity, cancellationToken);
        if (change.Outcome == CartChangeOutcome.Done)
        {
            Message = text["Cart.Added"];
            return RedirectToPage("/Cart");
        }

        return Refused(change, id);
    }

    /// <summary>"Beli Sekarang": the cart holds this item in this quantity, and checkout opens with only this item.</summary>
    public async Task<IActionResult> OnPostBuyNowAsync(long id, long? variantId, int quantity, CancellationToken cancellationToken)
    {
        var change = await carts.PutAsync(HttpContext, id, variantId, quantity, cancellationToken);
        return change.Outcome == CartChangeOutcome.Done
            ? RedirectToPage("/Checkout/Index", new { only = id, onlyVariant = variantId })
            : Refused(change with { InCart = 0 }, id);
    }

    private IActionResult Refused(CartChange change, long id)
    {
        switch (change.Outcome)
        {
            case CartChangeOutcome.NotEnoughStock:
                Message = change.InCart > 0 ? text["Cart.NotEnoughStockInCart", change.Stock, change.InCart] : text["Cart.NotEnoughStock", change.Stock];
                return RedirectToPage(new { id });
            case CartChangeOutcome.ChooseVariant:
                Message = text["Product.ChooseVariant"];
                return RedirectToPage(new { id });
            case CartChangeOutcome.QuantityOutOfRange:
                Message = text["Cart.QuantityOutOfRange", Cart.MaxQuantityPerItem];
                return RedirectToPage(new { id });
            default:
                return NotFound();
        }
    }
}

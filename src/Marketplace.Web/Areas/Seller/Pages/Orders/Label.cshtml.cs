using Marketplace.Web.Features.Sellers.Orders;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Areas.Seller.Pages.Orders;

/// <summary>The A6 shipping label of one of the shop's own orders, to print and stick on the parcel.</summary>
public sealed class LabelModel(SellerOrders orders) : SellerPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = string.Empty;

    public SellerOrderDetail Order { get; private set; } = null!;

    public string Code { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await orders.OrderAsync(Shop.Id, Number, cancellationToken) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        Code = ShippingLabelCode.Svg(order.Number);
        return Page();
    }
}

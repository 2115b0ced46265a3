using Marketplace.Web.Features.Sellers.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Orders;

/// <summary>One order as the seller ships it; another shop's order, or an unpaid one, is not found.</summary>
public sealed class DetailModel(SellerOrders orders, IStringLocalizer<SharedResource> text) : OrderLinePageModel(orders, text)
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = string.Empty;

    public SellerOrderDetail Order { get; private set; } = null!;

    protected override object? BackTo => new { Number };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await Orders.OrderAsync(Shop.Id, Number, cancellationToken) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        return Page();
    }
}

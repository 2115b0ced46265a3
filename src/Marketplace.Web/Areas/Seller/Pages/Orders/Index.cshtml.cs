using Marketplace.Domain.Orders;
using Marketplace.Web.Features.Sellers.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Orders;

/// <summary>The seller's parts of paid (or cash-on-delivery) orders, with who did what.</summary>
public sealed class IndexModel(SellerOrders orders, IStringLocalizer<SharedResource> text) : OrderLinePageModel(orders, text)
{
    [BindProperty(SupportsGet = true)]
    public OrderLineStatus? Status { get; set; }

    public IReadOnlyList<SellerOrderLine> Lines { get; private set; } = [];

    protected override object? BackTo => new { Status };

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lines = await Orders.LinesAsync(Shop.Id, Status, cancellationToken);
}

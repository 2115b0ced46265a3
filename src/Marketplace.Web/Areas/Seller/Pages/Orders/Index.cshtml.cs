using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Marketplace.Web.Features.Sellers;
using Marketplace.Web.Features.Sellers.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Orders;

/// <summary>The seller's parts of orders: pack, ship with a tracking number, deliver, or cancel (which restocks), with who did what.</summary>
public sealed class IndexModel(SellerOrders orders, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    [BindProperty(SupportsGet = true)]
    public OrderLineStatus? Status { get; set; }

    public IReadOnlyList<SellerOrderLine> Lines { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lines = await orders.LinesAsync(Shop.Id, Status, cancellationToken);

    public async Task<IActionResult> OnPostAsync(long lineId, OrderLineAction move, string? courier, string? trackingNumber, CancellationToken cancellationToken)
    {
        try
        {
            if (!await orders.MoveAsync(Shop.Id, lineId, move, new Shipment(courier, trackingNumber), Actor, cancellationToken))
            {
                return NotFound();
            }
        }
        catch (DomainException e)
        {
            Message = text.Describe(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            Message = text["Seller.Orders.Concurrent"];
        }

        return RedirectToPage(new { Status });
    }
}

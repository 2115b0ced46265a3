using Marketplace.Domain;
using Marketplace.Web.Features.Sellers;
using Marketplace.Web.Features.Sellers.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Orders;

/// <summary>The order pages' one way to move a line: pack, ship with courier and tracking number, deliver, or cancel (which restocks).</summary>
public abstract class OrderLinePageModel(SellerOrders orders, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    [TempData]
    public string? Message { get; set; }

    protected SellerOrders Orders => orders;

    protected IStringLocalizer<SharedResource> Text => text;

    [TempData]
    public string? Done { get; set; }

    /// <summary>Where the page comes back to after a move, so the seller stays where they were.</summary>
    protected abstract object? BackTo { get; }

    public async Task<IActionResult> OnPostAsync(long lineId, OrderLineAction move, string? courier, string? trackingNumber, CancellationToken cancellationToken)
    {
        try
        {
            if (!await orders.MoveAsync(Shop.Id, lineId, move, new Shipment(courier, trackingNumber), Actor, cancellationToken))
            {
                return NotFound();
            }

            Done = text["Seller.Orders.Done." + move];
        }
        catch (DomainException e)
        {
            Message = text.Describe(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            Message = text["Seller.Orders.Concurrent"];
        }

        return RedirectToPage(BackTo);
    }
}

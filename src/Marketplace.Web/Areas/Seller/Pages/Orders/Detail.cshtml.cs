using Marketplace.Web.Features.Sellers.Orders;
using Marketplace.Web.Features.Shipping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Orders;

/// <summary>One order as the seller ships it; another shop's order, or an unpaid one, is not found.</summary>
public sealed class DetailModel(SellerOrders orders, SellerParcels parcels, IStringLocalizer<SharedResource> localizer) : OrderLinePageModel(orders, localizer)
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = string.Empty;

    public SellerOrderDetail Order { get; private set; } = null!;

    /// <summary>The sandbox courier is on: the page offers to send the parcel's next tracking event.</summary>
    public bool SandboxTracking => parcels.SandboxEnabled;

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

    /// <summary>Books the courier service the shopper chose and gets the resi.</summary>
    public async Task<IActionResult> OnPostBookAsync(CancellationToken cancellationToken)
    {
        var booked = await parcels.BookAsync(Shop.Id, Number, Actor, cancellationToken);
        if (booked.Outcome == BookingOutcome.NotFound)
        {
            return NotFound();
        }

        if (booked.Outcome == BookingOutcome.Booked)
        {
            Done = Text["Shipping.Booked", booked.TrackingNumber!];
        }
        else
        {
            Message = Text["Shipping.Problem." + booked.Problem];
        }

        return RedirectToPage(BackTo);
    }

    /// <summary>Sandbox only: the courier sends the parcel's next tracking event (or a failed delivery) through the signed webhook.</summary>
    public async Task<IActionResult> OnPostNextTrackingEventAsync(bool fail, CancellationToken cancellationToken)
    {
        var outcome = await parcels.SendNextTrackingEventAsync(Shop.Id, Number, fail, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }

        Done = Text["Shipping.Sandbox.Sent", outcome.Value.ToString()];
        return RedirectToPage(BackTo);
    }
}

using Marketplace.Web.Data;
using Marketplace.Web.Features.Shipping;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sellers.Orders;

/// <summary>The seller's side of the courier: book the chosen service for a part, and in the sandbox, move the parcel along.</summary>
public sealed class SellerParcels(MarketplaceDbContext db, Shipments shipments, SandboxTracking sandbox)
{
    public bool SandboxEnabled => sandbox.Enabled;

    public Task<BookingResult> BookAsync(int sellerId, string orderNumber, string actor, CancellationToken cancellationToken) =>
        shipments.BookAsync(sellerId, orderNumber, actor, cancellationToken);

    /// <summary>Null when the sandbox is off or the order has no parcel of this seller's.</summary>
    public async Task<TrackingOutcome?> SendNextTrackingEventAsync(int sellerId, string orderNumber, bool fail, CancellationToken cancellationToken)
    {
        var resi = await (from s in db.Shipments
                          join o in db.Orders on s.OrderId equals o.Id
                          where s.SellerId == sellerId && o.Number == orderNumber
                          select s.TrackingNumber).FirstOrDefaultAsync(cancellationToken);
        return resi is null ? null : await sandbox.SendNextAsync(resi, fail, cancellationToken);
    }
}

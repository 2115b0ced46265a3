using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Shipping;

/// <summary>A booked parcel as the shopper and the seller see it: the service, the resi, and the courier's events so far.</summary>
public sealed record ParcelTracking(int SellerId, string Courier, string ServiceName, string TrackingNumber, TrackingStage Stage, DateTimeOffset BookedAt, Rupiah CashToCollect, IReadOnlyList<TrackingEventShown> Events);

public sealed record TrackingEventShown(TrackingStage Stage, string? Location, DateTimeOffset At);

public enum BookingOutcome
{
    Booked,
    NotFound,

    /// <summary>Already booked, not paid yet, or nothing left to ship: <see cref="BookingResult.Problem"/> says which.</summary>
    Refused,
}

public sealed record BookingResult(BookingOutcome Outcome, string? TrackingNumber = null, string? Problem = null);

/// <summary>Books a seller's part with the courier the shopper chose, and reads parcels' tracking for the order pages.</summary>
public sealed class Shipments(MarketplaceDbContext db, ICourierProvider courier, TimeProvider clock)
{
    /// <summary>
    /// Books the seller's part of the order. The order row is locked, so two clicks book once; the resi comes from the courier
    /// before the shipment is written, and a failure to write leaves an unused resi at the courier, never a parcel without one.
    /// </summary>
    public async Task<BookingResult> BookAsync(int sellerId, string orderNumber, string actor, CancellationToken cancellationToken)
    {
        if (!OrderNumber.IsWellFormed(orderNumber))
        {
            return new BookingResult(BookingOutcome.NotFound);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM orders WHERE number = {orderNumber} FOR UPDATE", cancellationToken);
        var order = await db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Number == orderNumber, cancellationToken);
        if (order is null || !order.IsReleasedToSellers || order.Lines.All(l => l.SellerId != sellerId))
        {
            return new BookingResult(BookingOutcome.NotFound);
        }

        if (await db.Shipments.AnyAsync(s => s.OrderId == order.Id && s.SellerId == sellerId, cancellationToken))
        {
            return new BookingResult(BookingOutcome.Refused, Problem: "shipment.already_booked");
        }

        var now = clock.GetUtcNow();
        try
        {
            var part = order.Parts.Single(p => p.SellerId == sellerId);
            if (part.Shipping is null)
            {
                return new BookingResult(BookingOutcome.Refused, Problem: "shipment.no_service");
            }

            var resi = await courier.BookAsync(new CourierBooking(part.Shipping.ServiceCode, order.Number, part.Shipping.ChargeableKg, now), cancellationToken);
            var (shipment, changes) = Shipment.Book(order, sellerId, resi, actor, now);
            db.Shipments.Add(shipment);
            db.OrderLineEvents.AddRange(changes);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new BookingResult(BookingOutcome.Booked, resi);
        }
        catch (DomainException refused)
        {
            return new BookingResult(BookingOutcome.Refused, Problem: refused.Code);
        }
    }

    /// <summary>The parcels of an order (all sellers' when <paramref name="sellerId"/> is null), with their events in time order.</summary>
    public async Task<IReadOnlyList<ParcelTracking>> OfOrderAsync(long orderId, int? sellerId, CancellationToken cancellationToken)
    {
        var shipments = await db.Shipments.AsNoTracking().Include(s => s.Events)
            .Where(s => s.OrderId == orderId && (sellerId == null || s.SellerId == sellerId))
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return shipments.Select(s => new ParcelTracking(
                s.SellerId, s.Courier, s.ServiceName, s.TrackingNumber, s.Stage, s.BookedAt, s.CashToCollect,
                s.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new TrackingEventShown(e.Stage, e.Location, e.At)).ToList()))
            .ToList();
    }
}

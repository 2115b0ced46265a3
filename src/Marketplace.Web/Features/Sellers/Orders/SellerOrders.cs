using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Features.Orders;
using Marketplace.Web.Features.Shipping;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sellers.Orders;

public sealed record OrderLineHistory(OrderLineStatus From, OrderLineStatus To, string? TrackingNumber, string Actor, DateTimeOffset At);

/// <summary>The seller's part of an order: one line, as ordered, with where it stands and who moved it.</summary>
/// <param name="VariantLabel">The variant ordered ("Ukuran: M"), which the seller packs; null for a listing without variants.</param>
/// <param name="BookedWithCourier">The part is booked with the courier: it ships and arrives by tracking, not by the seller's buttons.</param>
public sealed record SellerOrderLine(
    long LineId, string OrderNumber, DateTimeOffset PlacedAt, string City, long ListingId, string Title, string? VariantLabel, int Quantity, Rupiah UnitPrice, OrderLineStatus Status, string? Courier, string? TrackingNumber,
    bool BookedWithCourier)
{
    public IReadOnlyList<OrderLineHistory> History { get; init; } = [];

    public Rupiah LineTotal => UnitPrice * Quantity;
}

/// <summary>One order as the seller ships it: where to, to whom, and the seller's own lines of it (with their first photos).</summary>
public sealed record SellerOrderDetail(
    string Number, DateTimeOffset PlacedAt, PaymentMethod PaymentMethod, ShippingAddress Address, IReadOnlyList<SellerOrderLine> Lines, IReadOnlyDictionary<long, string> Images)
{
    /// <summary>The courier service the shopper chose for this seller's part; null for orders placed before the choice.</summary>
    public OrderShipping? Shipping { get; init; }

    public Rupiah ShippingFee { get; init; }

    /// <summary>What the courier collects on delivery for a cash-on-delivery order: goods and shipping. Zero when paid ahead.</summary>
    public Rupiah CashToCollect { get; init; }

    /// <summary>The booked parcel with its tracking events; null until the seller books the courier.</summary>
    public ParcelTracking? Parcel { get; init; }

    public Rupiah Subtotal => Rupiah.Sum(Lines.Where(l => l.Status != OrderLineStatus.Cancelled).Select(l => l.LineTotal));
}

public enum OrderLineAction
{
    Pack,
    Ship,
    Deliver,
    Cancel,
}

/// <summary>Who carries a shipped line, and the number the shopper tracks it by.</summary>
public sealed record Shipment(string? Courier, string? TrackingNumber);

public sealed record DailyRevenue(DateOnly Day, Rupiah Amount);

/// <summary>Order lines of one seller only; each move is a domain transition recorded with who made it.</summary>
public sealed class SellerOrders(MarketplaceDbContext db, OrderNotifications notifications, OrderMoney money, Shipments shipments, TimeProvider clock)
{
    public const int PageSize = 50;

    public Task<IReadOnlyList<SellerOrderLine>> LinesAsync(int sellerId, OrderLineStatus? status, CancellationToken cancellationToken) =>
        WithHistoryAsync(LinesOf(sellerId, status, null).Take(PageSize), cancellationToken);

    /// <summary>Null when the order has no line of this seller's, or is not released to sellers (unpaid): both read as not found.</summary>
    public async Task<SellerOrderDetail?> OrderAsync(int sellerId, string number, CancellationToken cancellationToken)
    {
        if (!OrderNumber.IsWellFormed(number))
        {
            return null;
        }

        var lines = await WithHistoryAsync(LinesOf(sellerId, null, number), cancellationToken);
        if (lines.Count == 0)
        {
            return null;
        }

        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Number == number, cancellationToken);
        var part = order.Parts.Single(p => p.SellerId == sellerId);
        var images = await db.CoverImagesAsync(lines.Select(l => l.ListingId), cancellationToken);
        var parcels = await shipments.OfOrderAsync(order.Id, sellerId, cancellationToken);
        return new SellerOrderDetail(number, lines[0].PlacedAt, order.PaymentMethod, order.Address, lines, images)
        {
            Shipping = part.Shipping,
            ShippingFee = part.ShippingFee,
            CashToCollect = SellerLabels.CashToCollect(order, part),
            Parcel = parcels.Count > 0 ? parcels[0] : null,
        };
    }

    private IQueryable<SellerOrderLine> LinesOf(int sellerId, OrderLineStatus? status, string? number) =>
        from line in db.OrderLines.AsNoTracking()
        join order in db.Orders.Where(Order.ReleasedToSellers) on line.OrderId equals order.Id
        where line.SellerId == sellerId && (status == null || line.Status == status) && (number == null || order.Number == number)
        orderby order.PlacedAt descending, line.Id
        select new SellerOrderLine(
            line.Id, order.Number, order.PlacedAt, order.Address.City, line.ListingId, line.Title, line.VariantLabel, line.Quantity, line.UnitPrice, line.Status, line.Courier, line.TrackingNumber,
            db.Shipments.Any(s => s.OrderId == line.OrderId && s.SellerId == line.SellerId));

    private async Task<IReadOnlyList<SellerOrderLine>> WithHistoryAsync(IQueryable<SellerOrderLine> query, CancellationToken cancellationToken)
    {
        var lines = await query.ToListAsync(cancellationToken);
        var ids = lines.Select(l => l.LineId).ToList();
        var history = (await db.OrderLineEvents.AsNoTracking().Where(e => ids.Contains(e.OrderLineId)).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken))
            .ToLookup(e => e.OrderLineId, e => new OrderLineHistory(e.From, e.To, e.TrackingNumber, e.Actor, e.At));
        return lines.Select(l => l with { History = history[l.LineId].ToList() }).ToList();
    }

    /// <summary>
    /// Moves one of the seller's lines; false when the line is not the seller's. Shipping and delivering by hand are for parts
    /// not booked with the courier. A cancelled line restocks its listing. The
    /// shopper is told when a parcel ships and when it arrives, once per parcel (its resi) however many lines it carries.
    /// </summary>
    public async Task<bool> MoveAsync(int sellerId, long lineId, OrderLineAction action, Shipment? shipment, string actor, CancellationToken cancellationToken)
    {
        var line = await ReleasedLines(sellerId).SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // The order first, as the sweeps and the payment callback take it, so a seller's move and a sweep cannot deadlock.
            await money.LockOrderAsync(line.OrderId, cancellationToken);
            if (action is OrderLineAction.Ship or OrderLineAction.Deliver && await db.Shipments.AnyAsync(s => s.OrderId == line.OrderId && s.SellerId == sellerId, cancellationToken))
            {
                // A booked parcel ships and arrives by the courier's signed tracking only: a seller's word must not start the release of escrow.
                throw new DomainException("order.tracked_by_courier", "A parcel booked with the courier moves by its tracking events only.");
            }

            var change = action switch
            {
                OrderLineAction.Pack => line.Pack(actor, now),
                OrderLineAction.Ship => line.Ship(shipment?.Courier ?? string.Empty, shipment?.TrackingNumber ?? string.Empty, actor, now),
                OrderLineAction.Deliver => line.Deliver(actor, now),
                _ => line.Cancel(await LockedListingAsync(line.ListingId, cancellationToken), actor, now),
            };
            db.OrderLineEvents.Add(change);
            if (action == OrderLineAction.Ship && !await ParcelReachedAsync(line, [OrderLineStatus.Shipped, OrderLineStatus.Delivered], cancellationToken))
            {
                await notifications.ShippedAsync(line.OrderId, sellerId, line.Courier!, line.TrackingNumber!, null, cancellationToken);
            }
            else if (action == OrderLineAction.Deliver && !await ParcelReachedAsync(line, [OrderLineStatus.Delivered], cancellationToken))
            {
                await notifications.DeliveredAsync(line.OrderId, sellerId, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (action == OrderLineAction.Cancel)
            {
                // Only released lines reach a seller, and each of them counted as sold.
                await SoldCounts.UncountAsync(db, line, cancellationToken);
            }

            var refunded = await money.PartMovedAsync(line.OrderId, sellerId, now, cancellationToken);
            if (refunded > Rupiah.Zero)
            {
                await notifications.RefundedAsync(line.OrderId, refunded, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public Task<int> ToHandleAsync(int sellerId, CancellationToken cancellationToken) =>
        ReleasedLines(sellerId).CountAsync(l => (l.Status == OrderLineStatus.New || l.Status == OrderLineStatus.Packed), cancellationToken);

    /// <summary>
    /// What the seller sold each WIB day of the last <paramref name="days"/> days (cancelled lines excluded), oldest first,
    /// zero days included: days are counted in western Indonesian time, where most shops and shoppers are.
    /// </summary>
    public async Task<IReadOnlyList<DailyRevenue>> RevenueAsync(int sellerId, int days, CancellationToken cancellationToken)
    {
        var today = Wib.DayOf(clock.GetUtcNow());
        var since = Wib.StartOf(today.AddDays(1 - days));
        var sold = await (from line in db.OrderLines.AsNoTracking()
                          join order in db.Orders.Where(Order.ReleasedToSellers) on line.OrderId equals order.Id
                          where line.SellerId == sellerId && line.Status != OrderLineStatus.Cancelled && order.PlacedAt >= since
                          select new { order.PlacedAt, Amount = line.UnitPrice, line.Quantity })
            .ToListAsync(cancellationToken);
        var byDay = sold.GroupBy(s => Wib.DayOf(s.PlacedAt))
            .ToDictionary(g => g.Key, g => Rupiah.Sum(g.Select(s => s.Amount * s.Quantity)));
        return Enumerable.Range(0, days)
            .Select(i => today.AddDays(i + 1 - days))
            .Select(day => new DailyRevenue(day, byDay.GetValueOrDefault(day, Rupiah.Zero)))
            .ToList();
    }

    /// <summary>The seller's lines of orders released to sellers; a line of an unpaid order is not theirs to see or move yet.</summary>
    private IQueryable<OrderLine> ReleasedLines(int sellerId) =>
        db.OrderLines.Where(l => l.SellerId == sellerId && db.Orders.Where(Order.ReleasedToSellers).Any(o => o.Id == l.OrderId));

    /// <summary>Whether another line of the same parcel (order, seller and resi) had already reached one of <paramref name="statuses"/>.</summary>
    private Task<bool> ParcelReachedAsync(OrderLine line, OrderLineStatus[] statuses, CancellationToken cancellationToken) =>
        db.OrderLines.AnyAsync(
            l => l.OrderId == line.OrderId && l.SellerId == line.SellerId && l.Id != line.Id && l.TrackingNumber == line.TrackingNumber && statuses.Contains(l.Status),
            cancellationToken);

    /// <summary>The listing with its variants, its row locked first as checkout locks it before a variant, so the two cannot deadlock.</summary>
    private async Task<Listing> LockedListingAsync(long listingId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM listings WHERE id = {listingId} FOR UPDATE", cancellationToken);
        return await db.Listings.Include(l => l.Variants).SingleAsync(l => l.Id == listingId, cancellationToken);
    }
}

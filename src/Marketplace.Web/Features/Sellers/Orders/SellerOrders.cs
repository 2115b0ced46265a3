using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sellers.Orders;

public sealed record OrderLineHistory(OrderLineStatus From, OrderLineStatus To, string? TrackingNumber, string Actor, DateTimeOffset At);

/// <summary>The seller's part of an order: one line, as ordered, with where it stands and who moved it.</summary>
public sealed record SellerOrderLine(
    long LineId, string OrderNumber, DateTimeOffset PlacedAt, string City, long ListingId, string Title, int Quantity, Rupiah UnitPrice, OrderLineStatus Status, string? TrackingNumber)
{
    public IReadOnlyList<OrderLineHistory> History { get; init; } = [];

    public Rupiah LineTotal => UnitPrice * Quantity;
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
public sealed class SellerOrders(MarketplaceDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<SellerOrderLine>> LinesAsync(int sellerId, OrderLineStatus? status, CancellationToken cancellationToken)
    {
        var query = from line in db.OrderLines.AsNoTracking()
                    join order in db.Orders.Where(Order.ReleasedToSellers) on line.OrderId equals order.Id
                    where line.SellerId == sellerId && (status == null || line.Status == status)
                    orderby order.PlacedAt descending, line.Id
                    select new SellerOrderLine(line.Id, order.Number, order.PlacedAt, order.Address.City, line.ListingId, line.Title, line.Quantity, line.UnitPrice, line.Status, line.TrackingNumber);
        var lines = await query.Take(PageSize).ToListAsync(cancellationToken);
        var ids = lines.Select(l => l.LineId).ToList();
        var history = (await db.OrderLineEvents.AsNoTracking().Where(e => ids.Contains(e.OrderLineId)).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken))
            .ToLookup(e => e.OrderLineId, e => new OrderLineHistory(e.From, e.To, e.TrackingNumber, e.Actor, e.At));
        return lines.Select(l => l with { History = history[l.LineId].ToList() }).ToList();
    }

    /// <summary>Moves one of the seller's lines; false when the line is not the seller's. A cancelled line restocks its listing.</summary>
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
            var change = action switch
            {
                OrderLineAction.Pack => line.Pack(actor, now),
                OrderLineAction.Ship => line.Ship(shipment?.Courier ?? string.Empty, shipment?.TrackingNumber ?? string.Empty, actor, now),
                OrderLineAction.Deliver => line.Deliver(actor, now),
                _ => line.Cancel(await db.Listings.SingleAsync(l => l.Id == line.ListingId, cancellationToken), actor, now),
            };
            db.OrderLineEvents.Add(change);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public Task<int> ToHandleAsync(int sellerId, CancellationToken cancellationToken) =>
        ReleasedLines(sellerId).CountAsync(l => (l.Status == OrderLineStatus.New || l.Status == OrderLineStatus.Packed), cancellationToken);

    /// <summary>What the seller sold each day of the last <paramref name="days"/> days (cancelled lines excluded), oldest first, zero days included.</summary>
    public async Task<IReadOnlyList<DailyRevenue>> RevenueAsync(int sellerId, int days, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).Date);
        var since = new DateTimeOffset(today.AddDays(1 - days).ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(clock.GetUtcNow())).ToUniversalTime();
        var sold = await (from line in db.OrderLines.AsNoTracking()
                          join order in db.Orders.Where(Order.ReleasedToSellers) on line.OrderId equals order.Id
                          where line.SellerId == sellerId && line.Status != OrderLineStatus.Cancelled && order.PlacedAt >= since
                          select new { order.PlacedAt, Amount = line.UnitPrice, line.Quantity })
            .ToListAsync(cancellationToken);
        var byDay = sold.GroupBy(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.PlacedAt, zone).Date))
            .ToDictionary(g => g.Key, g => Rupiah.Sum(g.Select(s => s.Amount * s.Quantity)));
        return Enumerable.Range(0, days)
            .Select(i => today.AddDays(i + 1 - days))
            .Select(day => new DailyRevenue(day, byDay.GetValueOrDefault(day, Rupiah.Zero)))
            .ToList();
    }

    /// <summary>The seller's lines of orders released to sellers; a line of an unpaid order is not theirs to see or move yet.</summary>
    private IQueryable<OrderLine> ReleasedLines(int sellerId) =>
        db.OrderLines.Where(l => l.SellerId == sellerId && db.Orders.Where(Order.ReleasedToSellers).Any(o => o.Id == l.OrderId));
}

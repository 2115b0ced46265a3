using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Orders;

/// <summary>
/// Keeps <see cref="Domain.Listings.Listing.SoldCount"/> in step with the orders, inside the transaction that changes them:
/// lines count from the moment their order is released to sellers (<see cref="Order.IsReleasedToSellers"/>) until they are
/// cancelled. Relative updates, so two orders of the same listing committing together both count.
/// </summary>
internal static class SoldCounts
{
    /// <summary>Counts a released order's lines as sold; an order not released yet counts nothing.</summary>
    public static Task CountAsync(MarketplaceDbContext db, Order order, CancellationToken cancellationToken) =>
        order.IsReleasedToSellers
            ? AddAsync(db, order.Lines.Where(l => l.Status != OrderLineStatus.Cancelled).Select(l => (l.ListingId, l.Quantity)), cancellationToken)
            : Task.CompletedTask;

    /// <summary>A released line was cancelled: its units are no longer sold.</summary>
    public static Task UncountAsync(MarketplaceDbContext db, OrderLine line, CancellationToken cancellationToken) =>
        AddAsync(db, [(line.ListingId, -line.Quantity)], cancellationToken);

    private static async Task AddAsync(MarketplaceDbContext db, IEnumerable<(long ListingId, int Quantity)> lines, CancellationToken cancellationToken)
    {
        // In listing id order, like checkout takes stock, so two writers never lock the same rows in opposite orders.
        foreach (var listing in lines.GroupBy(l => l.ListingId).OrderBy(g => g.Key))
        {
            var listingId = listing.Key;
            var quantity = listing.Sum(l => l.Quantity);
            await db.Listings.Where(l => l.Id == listingId)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.SoldCount, l => l.SoldCount + quantity), cancellationToken);
        }
    }
}

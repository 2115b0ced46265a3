using Marketplace.Domain.Money;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Notifications;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Jobs;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Features.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.AfterDelivery;

/// <summary>A seller's part of an order, as the sweeps find it.</summary>
public sealed record PartKey(long OrderId, int SellerId, DateTimeOffset At);

/// <summary>
/// The work that time does after payment: parts past their ship-by deadline are cancelled and refunded, and delivered
/// parts nobody confirmed are released N days after the courier's delivery (longer after shipping for a part shipped by hand). Each part in its own transaction under its order's lock,
/// so a sweep and the shopper's own confirmation or the seller's shipping never both act on one part.
/// </summary>
public sealed class AfterDeliverySweeps(MarketplaceDbContext db, OrderMoney money, MoneyNotifications mail, TimeProvider clock, IOptions<LedgerOptions> options)
{
    public const string ShipByActor = "system:ship-by-deadline";

    private const int BatchSize = 50;

    /// <summary>Releases the escrow of delivered parts due (<see cref="OrderParts.AutoReleaseAt"/>), without an open complaint. Returns how many.</summary>
    public async Task<int> ReleaseDueAsync(CancellationToken cancellationToken)
    {
        var released = 0;
        foreach (var part in await DeliveredUnreleasedAsync(clock.GetUtcNow(), cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await money.ReleaseAsync(part.OrderId, part.SellerId, clock.GetUtcNow(), cancellationToken))
            {
                released++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return released;
    }

    /// <summary>Cancels the unshipped lines of parts past their ship-by deadline, restocks them and refunds the shopper. Returns how many parts.</summary>
    public async Task<int> CancelOverdueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Two working days are at least two calendar days; the oldest come first, and the deadline grows with the release time.
        var candidates = await db.Database.SqlQuery<PartKey>($"""
            SELECT l.order_id AS "OrderId", l.seller_id AS "SellerId", coalesce(o.paid_at, o.placed_at) AS "At"
            FROM order_lines l
            JOIN orders o ON o.id = l.order_id AND o.payment_status IN ({(int)PaymentStatus.Paid}, {(int)PaymentStatus.OnDelivery})
            WHERE l.status IN ({(int)OrderLineStatus.New}, {(int)OrderLineStatus.Packed}) AND coalesce(o.paid_at, o.placed_at) <= {now.AddDays(-OrderParts.ShipByWorkingDays)}
            GROUP BY l.order_id, l.seller_id, o.paid_at, o.placed_at
            ORDER BY 3
            LIMIT {BatchSize}
            """).ToListAsync(cancellationToken);
        var cancelled = 0;
        foreach (var part in candidates.Where(p => OrderParts.ShipBy(p.At) <= now))
        {
            cancelled += await CancelPartAsync(part, now, cancellationToken) ? 1 : 0;
        }

        return cancelled;
    }

    private async Task<bool> CancelPartAsync(PartKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await money.LockedOrderAsync(key.OrderId, cancellationToken);
            var lines = await db.OrderLines
                .Where(l => l.OrderId == key.OrderId && l.SellerId == key.SellerId && (l.Status == OrderLineStatus.New || l.Status == OrderLineStatus.Packed))
                .OrderBy(l => l.ListingId).ToListAsync(cancellationToken);
            if (lines.Count == 0)
            {
                return false;
            }

            var listingIds = lines.Select(l => l.ListingId).Distinct().Order().ToList();

            // Locked in id order like checkout takes stock, so the sweep and a checkout cannot deadlock over the same listings.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM listings WHERE id = ANY({listingIds}) ORDER BY id FOR UPDATE", cancellationToken);
            var listings = await db.Listings.Include(l => l.Variants).Where(l => listingIds.Contains(l.Id)).ToListAsync(cancellationToken);
            foreach (var line in lines)
            {
                db.OrderLineEvents.Add(line.Cancel(listings.Single(l => l.Id == line.ListingId), ShipByActor, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var line in lines)
            {
                await SoldCounts.UncountAsync(db, line, cancellationToken);
            }

            var refunded = await money.PartMovedAsync(key.OrderId, key.SellerId, now, cancellationToken);
            var order = await db.Orders.AsNoTracking().Where(o => o.Id == key.OrderId).Select(o => new { o.Number, o.ShopperUserId }).SingleAsync(cancellationToken);
            await mail.ToShopperAsync(order.ShopperUserId, NotificationKind.ShipByCancelled, OrderNotifications.ShopperLink(order.Number), cancellationToken, order.Number, refunded);
            await mail.ToSellerAsync(key.SellerId, NotificationKind.ShipByCancelledSeller, OrderNotifications.SellerLink(order.Number), cancellationToken, order.Number);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Delivered parts due for release, the SQL form of <see cref="OrderParts.AutoReleaseAt"/>: a parcel booked with the
    /// courier (a <c>shipments</c> row) from its last Delivered transition, a part shipped by hand from its last Shipped one.
    /// </summary>
    private async Task<List<PartKey>> DeliveredUnreleasedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<PartKey>($"""
            SELECT l.order_id AS "OrderId", l.seller_id AS "SellerId", max(e.at) AS "At"
            FROM order_lines l
            JOIN orders o ON o.id = l.order_id AND o.payment_status IN ({(int)PaymentStatus.Paid}, {(int)PaymentStatus.OnDelivery})
            LEFT JOIN shipments s ON s.order_id = l.order_id AND s.seller_id = l.seller_id
            LEFT JOIN order_line_events e ON e.order_line_id = l.id AND e."to" = CASE WHEN s.id IS NULL THEN {(int)OrderLineStatus.Shipped} ELSE {(int)OrderLineStatus.Delivered} END
            WHERE NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.order_id = l.order_id AND t.seller_id = l.seller_id AND t.kind IN ({(int)JournalKind.Release}, {(int)JournalKind.ComplaintRefund}))
              AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.order_id = l.order_id AND c.seller_id = l.seller_id AND c.status IN ({(int)ComplaintStatus.Open}, {(int)ComplaintStatus.Disputed}))
            GROUP BY l.order_id, l.seller_id, s.id
            HAVING bool_and(l.status IN ({(int)OrderLineStatus.Delivered}, {(int)OrderLineStatus.Cancelled})) AND bool_or(l.status = {(int)OrderLineStatus.Delivered})
              AND max(e.at) <= CASE WHEN s.id IS NULL THEN {now.AddDays(-options.Value.ReleaseDaysAfterSelfShipping)} ELSE {now.AddDays(-options.Value.ReleaseDaysAfterDelivery)} END
            ORDER BY max(e.at)
            LIMIT {BatchSize}
            """).ToListAsync(cancellationToken);
}

/// <summary>Runs the after-delivery sweeps and hands over unsubmitted payouts, on one node at a time, held by a <see cref="PeriodicJob">lease</see>.</summary>
internal sealed class AfterDeliveryJob(
    IServiceScopeFactory scopes, IOptions<LedgerOptions> options, JobLeases leases, TimeProvider clock, ILogger<AfterDeliveryJob> logger)
    : PeriodicJob(leases, clock, logger)
{
    protected override string Name => "after-delivery";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.SweepSeconds);

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var sweeps = scope.ServiceProvider.GetRequiredService<AfterDeliverySweeps>();
        var cancelled = await sweeps.CancelOverdueAsync(cancellationToken);
        var released = await sweeps.ReleaseDueAsync(cancellationToken);
        var submitted = await scope.ServiceProvider.GetRequiredService<Payouts.SellerPayouts>().SubmitPendingAsync(cancellationToken);
        if (cancelled + released + submitted > 0)
        {
            logger.LogInformation("After delivery: {Cancelled} parts cancelled past ship-by, {Released} released, {Submitted} payouts handed over", cancelled, released, submitted);
        }
    }
}

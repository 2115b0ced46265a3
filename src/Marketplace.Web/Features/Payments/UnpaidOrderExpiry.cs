using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Payments;

/// <summary>
/// Voids bank transfer orders whose deadline passed unpaid and puts their stock back on sale. The sweep runs on one node at a
/// time; due orders are still claimed with FOR UPDATE SKIP LOCKED, so a sweep and a test's own call never expire one twice.
/// </summary>
public sealed class UnpaidOrderExpiry(MarketplaceDbContext db, TimeProvider clock)
{
    public const string Actor = "system:payment-deadline";

    private const int BatchSize = 50;

    /// <summary>Expires one batch of due orders; returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Database.SqlQuery<long>($"""
            SELECT id AS "Value" FROM orders
            WHERE payment_status = {(int)PaymentStatus.AwaitingPayment} AND va_pay_by <= {now}
            ORDER BY va_pay_by LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var orders = await db.Orders.Include(o => o.Lines).Where(o => due.Contains(o.Id)).ToListAsync(cancellationToken);
        await ExpireLockedAsync(orders, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return orders.Count;
    }

    /// <summary>Expires orders whose rows the caller holds locked (due, or paid too late), putting their stock back.</summary>
    public async Task ExpireLockedAsync(IReadOnlyCollection<Order> orders, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var listings = await LockedListingsAsync(orders, cancellationToken);
        foreach (var order in orders)
        {
            db.OrderLineEvents.AddRange(order.Expire(listings, Actor, now));
        }
    }

    /// <summary>The listings of the orders' lines with their variants, locked in id order like checkout takes stock, so a sweep and a checkout cannot deadlock over them.</summary>
    public async Task<IReadOnlyList<Listing>> LockedListingsAsync(IReadOnlyCollection<Order> orders, CancellationToken cancellationToken)
    {
        var listingIds = orders.SelectMany(o => o.Lines).Select(l => l.ListingId).Distinct().Order().ToList();
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM listings WHERE id = ANY({listingIds}) ORDER BY id FOR UPDATE", cancellationToken);
        return await db.Listings.Include(l => l.Variants).Where(l => listingIds.Contains(l.Id)).ToListAsync(cancellationToken);
    }
}

/// <summary>
/// Runs <see cref="UnpaidOrderExpiry"/> every minute or so on one node at a time, held by a <see cref="PeriodicJob">lease</see>,
/// and hands over the refunds the provider did not take when they were recorded.
/// </summary>
internal sealed class UnpaidOrderSweeper(
    IServiceScopeFactory scopes, IOptions<PaymentOptions> options, JobLeases leases, TimeProvider clock, ILogger<UnpaidOrderSweeper> logger)
    : PeriodicJob(leases, clock, logger)
{
    protected override string Name => "unpaid-order-expiry";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.ExpirySweepSeconds);

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var expiry = scope.ServiceProvider.GetRequiredService<UnpaidOrderExpiry>();
        var expired = 0;
        for (int batch; (batch = await expiry.ExpireDueAsync(cancellationToken)) > 0;)
        {
            expired += batch;
        }

        if (expired > 0)
        {
            logger.LogInformation("Expired {Count} unpaid orders and released their stock", expired);
        }

        var refunds = await scope.ServiceProvider.GetRequiredService<PaymentRefunds>().SubmitPendingAsync(null, cancellationToken);
        if (refunds > 0)
        {
            logger.LogInformation("Handed {Count} refunds to the payment provider", refunds);
        }
    }
}

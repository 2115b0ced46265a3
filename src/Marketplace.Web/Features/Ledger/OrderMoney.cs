using Marketplace.Domain;
using Marketplace.Domain.Money;
using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Ledger;

/// <summary>
/// The money of orders, posted in the transaction of the change that moves it: a payment into escrow, refunds of cancelled
/// lines, the COD courier's settlement, and the release to the seller. Every call reads the order's lines as committed
/// under the order's row lock, so two changes of one part cannot each miss the other's (the last cancelled line refunds
/// the shipping fee exactly once).
/// </summary>
public sealed class OrderMoney(MarketplaceDbContext db, Books books, IOptions<FeeOptions> fees)
{
    public Task<bool> PaymentSettledAsync(Order order, DateTimeOffset at, CancellationToken cancellationToken) =>
        books.PostAsync(Postings.ShopperPayment(order), at, cancellationToken);

    /// <summary>Money that arrived and cannot be taken (expired order, another amount, unknown order): recorded, then refunded.</summary>
    public async Task UnmatchedPaymentAsync(string eventId, long? orderId, Rupiah amount, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (amount > Rupiah.Zero)
        {
            await books.PostAsync(Postings.UnmatchedPayment(eventId, orderId, amount), at, cancellationToken);
        }
    }

    /// <summary>
    /// After a seller's lines moved (cancelled, shipped, delivered, by the seller or by the courier's tracking): posts what
    /// the part now owes: refunds of a paid part's cancelled lines, or the COD courier's settlement of a delivered part.
    /// Safe to call any number of times; each event posts once. Returns what this call refunded.
    /// </summary>
    public async Task<Rupiah> PartMovedAsync(long orderId, int sellerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var order = await LockedOrderAsync(orderId, cancellationToken);
        return await SettlePartAsync(order, order.Parts.Single(p => p.SellerId == sellerId), at, cancellationToken);
    }

    /// <summary>
    /// Releases a delivered part's escrow to the seller less the platform fee: on "Pesanan diterima", N days after
    /// delivery, or when an admin rejects a complaint. False when the part is not delivered, a complaint holds it, or it
    /// was released or refunded already.
    /// </summary>
    public async Task<bool> ReleaseAsync(long orderId, int sellerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var order = await LockedOrderAsync(orderId, cancellationToken);
        var part = order.Parts.SingleOrDefault(p => p.SellerId == sellerId);
        if (part is null || !order.IsReleasedToSellers || !OrderParts.IsDelivered(part)
            || await db.Complaints.AnyAsync(c => c.OrderId == orderId && c.SellerId == sellerId && (c.Status == ComplaintStatus.Open || c.Status == ComplaintStatus.Disputed), cancellationToken))
        {
            return false;
        }

        await SettlePartAsync(order, part, at, cancellationToken);
        var escrow = await books.BalanceAsync(LedgerAccount.Escrow(orderId, sellerId), cancellationToken);
        if (escrow <= 0)
        {
            return false;
        }

        var listingIds = part.Lines.Select(l => l.ListingId).ToList();
        var clusters = await (from listing in db.Listings
                              join category in db.Categories on listing.CategoryId equals category.Id
                              join cluster in db.Clusters on category.ClusterId equals (int?)cluster.Id into clustered
                              from cluster in clustered.DefaultIfEmpty()
                              where listingIds.Contains(listing.Id)
                              select new { listing.Id, Code = cluster == null ? null : cluster.Code })
            .ToDictionaryAsync(x => x.Id, x => (string?)x.Code, cancellationToken);
        var fee = Schedule().FeeOn(part, clusters);
        return await books.PostAsync(Postings.Release(orderId, sellerId, escrow, fee), at, cancellationToken);
    }

    /// <summary>Refunds what the part still holds in escrow, for an accepted complaint; returns the amount.</summary>
    public async Task<Rupiah> RefundPartAsync(long orderId, int sellerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var order = await LockedOrderAsync(orderId, cancellationToken);
        await SettlePartAsync(order, order.Parts.Single(p => p.SellerId == sellerId), at, cancellationToken);
        var escrow = await books.BalanceAsync(LedgerAccount.Escrow(orderId, sellerId), cancellationToken);
        return escrow > 0 && await books.PostAsync(Postings.ComplaintRefund(orderId, sellerId, escrow), at, cancellationToken) ? new Rupiah(escrow) : Rupiah.Zero;
    }

    public FeeSchedule Schedule() => new(fees.Value.Percent, fees.Value.PercentByCluster);

    /// <summary>Locks the order's row until the transaction ends: every change of an order's money takes this lock first.</summary>
    public Task LockOrderAsync(long orderId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM orders WHERE id = {orderId} FOR UPDATE", cancellationToken);

    /// <summary>The order with its lines as committed, its row locked until the transaction ends.</summary>
    public async Task<Order> LockedOrderAsync(long orderId, CancellationToken cancellationToken)
    {
        await LockOrderAsync(orderId, cancellationToken);
        return await db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == orderId, cancellationToken);
    }

    private async Task<Rupiah> SettlePartAsync(Order order, OrderPart part, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var refunded = Rupiah.Zero;
        if (order.PaymentStatus == PaymentStatus.Paid)
        {
            foreach (var refund in Postings.CancellationRefunds(order.Id, part))
            {
                if (await books.PostAsync(refund, at, cancellationToken))
                {
                    refunded += new Rupiah(refund.Entries.Single(e => e.Amount > 0).Amount);
                }
            }
        }
        else if (order.PaymentStatus == PaymentStatus.OnDelivery && OrderParts.IsDelivered(part))
        {
            await books.PostAsync(Postings.CodCollected(order.Id, part), at, cancellationToken);
        }

        return refunded;
    }
}

using Marketplace.Domain;
using Marketplace.Domain.Money;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Notifications;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Features.Sellers.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.AfterDelivery;

/// <summary>One seller's part of a shopper's order after delivery: whether the shopper may confirm receipt or complain.</summary>
public sealed record PartReceipt(int SellerId, DateTimeOffset? DeliveredAt, bool Released, Complaint? Complaint, bool CanConfirm, bool CanComplain, DateTimeOffset? AutoReleaseAt);

public enum ComplaintFiling
{
    Filed,
    NotAllowed,
    Invalid,
    PhotoRefused,
}

/// <summary>"Pesanan diterima" and "Ajukan komplain": the shopper's side of a delivered part, on the shopper's own orders only.</summary>
public sealed class PartReceipts(MarketplaceDbContext db, OrderMoney money, MoneyNotifications mail, ImageStore images, TimeProvider clock, IOptions<LedgerOptions> options)
{
    public async Task<IReadOnlyList<PartReceipt>> ForOrderAsync(string userId, string number, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Number == number && o.ShopperUserId == userId, cancellationToken);
        if (order is null || !order.IsReleasedToSellers)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var delivered = await DeliveredAtAsync(db, order.Id, cancellationToken);
        var shipped = await LastMoveAsync(db, order.Id, OrderLineStatus.Shipped, cancellationToken);
        var booked = await db.Shipments.AsNoTracking().Where(s => s.OrderId == order.Id).Select(s => s.SellerId).ToListAsync(cancellationToken);
        var released = await db.LedgerTransactions.AsNoTracking().Where(t => t.OrderId == order.Id && t.Kind == JournalKind.Release).Select(t => t.SellerId).ToListAsync(cancellationToken);
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.OrderId == order.Id).ToDictionaryAsync(c => c.SellerId, cancellationToken);
        return order.Parts.Select(p =>
        {
            var at = OrderParts.IsDelivered(p) ? delivered.GetValueOrDefault(p.SellerId) : null;
            var complaint = complaints.GetValueOrDefault(p.SellerId);
            var isReleased = released.Contains(p.SellerId);
            var open = at is not null && !isReleased && complaint is null;
            return new PartReceipt(
                p.SellerId, at, isReleased, complaint, open, open && OrderParts.MayComplain(at!.Value, now),
                open ? OrderParts.AutoReleaseAt(booked.Contains(p.SellerId), at!.Value, shipped.GetValueOrDefault(p.SellerId) ?? at!.Value, options.Value.ReleaseDaysAfterDelivery, options.Value.ReleaseDaysAfterSelfShipping) : null);
        }).ToList();
    }

    /// <summary>The shopper confirms receipt: the part's escrow goes to the seller at once. False when there is nothing to confirm.</summary>
    public async Task<bool> ConfirmAsync(string userId, string number, int sellerId, CancellationToken cancellationToken)
    {
        var orderId = await OwnOrderAsync(userId, number, cancellationToken);
        if (orderId is null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var released = await money.ReleaseAsync(orderId.Value, sellerId, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return released;
    }

    /// <summary>Files a complaint about a delivered part within the window; the photos are re-encoded like listing photos.</summary>
    public async Task<ComplaintFiling> ComplainAsync(
        string userId, string number, int sellerId, ComplaintReason reason, string? description, IReadOnlyList<IFormFile> photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photos);
        var orderId = await OwnOrderAsync(userId, number, cancellationToken);
        if (orderId is null || photos.Count > Complaint.MaxPhotos)
        {
            return orderId is null ? ComplaintFiling.NotAllowed : ComplaintFiling.Invalid;
        }

        var stored = new List<string>();
        foreach (var photo in photos)
        {
            var upload = await images.SaveAsync(photo, shopId: null, cancellationToken);
            if (upload.Image is null)
            {
                return ComplaintFiling.PhotoRefused;
            }

            stored.Add(upload.Image.Name);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await money.LockedOrderAsync(orderId.Value, cancellationToken);
        var part = order.Parts.SingleOrDefault(p => p.SellerId == sellerId);
        var deliveredAt = (await DeliveredAtAsync(db, order.Id, cancellationToken)).GetValueOrDefault(sellerId);
        if (part is null || !OrderParts.IsDelivered(part) || deliveredAt is null
            || await db.Complaints.AnyAsync(c => c.OrderId == order.Id && c.SellerId == sellerId, cancellationToken)
            || await db.LedgerTransactions.AnyAsync(t => t.OrderId == order.Id && t.SellerId == sellerId && t.Kind == JournalKind.Release, cancellationToken))
        {
            return ComplaintFiling.NotAllowed;
        }

        Complaint complaint;
        try
        {
            complaint = new Complaint(order.Id, sellerId, userId, reason, description ?? string.Empty, stored, deliveredAt.Value, now);
        }
        catch (DomainException refused)
        {
            return refused.Code == "complaint.window_closed" ? ComplaintFiling.NotAllowed : ComplaintFiling.Invalid;
        }

        db.Complaints.Add(complaint);
        await mail.ToSellerAsync(sellerId, NotificationKind.ComplaintFiled, "/Seller/Complaints", cancellationToken, order.Number, complaint.Description, new IndonesianTime(complaint.AnswerBy));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ComplaintFiling.Filed;
    }

    /// <summary>When each seller's part of the order was delivered: its last Delivered transition.</summary>
    public static Task<Dictionary<int, DateTimeOffset?>> DeliveredAtAsync(MarketplaceDbContext db, long orderId, CancellationToken cancellationToken) =>
        LastMoveAsync(db, orderId, OrderLineStatus.Delivered, cancellationToken);

    /// <summary>When each seller's part of the order last moved to <paramref name="status"/>, by its lines' transitions.</summary>
    private static async Task<Dictionary<int, DateTimeOffset?>> LastMoveAsync(MarketplaceDbContext db, long orderId, OrderLineStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await (from e in db.OrderLineEvents.AsNoTracking()
                      join l in db.OrderLines on e.OrderLineId equals l.Id
                      where l.OrderId == orderId && e.To == status
                      group e by l.SellerId into g
                      select new { SellerId = g.Key, At = g.Max(e => e.At) })
            .ToDictionaryAsync(x => x.SellerId, x => (DateTimeOffset?)x.At, cancellationToken);
    }

    private async Task<long?> OwnOrderAsync(string userId, string number, CancellationToken cancellationToken) =>
        OrderNumber.IsWellFormed(number)
            ? await db.Orders.Where(o => o.Number == number && o.ShopperUserId == userId).Select(o => (long?)o.Id).SingleOrDefaultAsync(cancellationToken)
            : null;
}

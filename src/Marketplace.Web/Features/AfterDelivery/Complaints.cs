using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Notifications;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Features.Orders;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Features.Sellers.Images;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.AfterDelivery;

public sealed record ComplaintView(Complaint Complaint, string OrderNumber, string StoreName);

/// <summary>
/// Complaints after delivery: the seller accepts (the shopper is refunded from escrow) or answers; an admin decides the
/// disputed ones, and the ones the seller left unanswered, by their due time. Each decision moves the money in its own transaction.
/// </summary>
public sealed class Complaints(MarketplaceDbContext db, OrderMoney money, MoneyNotifications mail, ImageStore images, TimeProvider clock)
{
    public async Task<List<ComplaintView>> OfSellerAsync(int sellerId, CancellationToken cancellationToken)
    {
        var recent = await Views(db.Complaints.Where(c => c.SellerId == sellerId).OrderByDescending(c => c.FiledAt).Take(100)).ToListAsync(cancellationToken);
        return [.. recent.OrderByDescending(v => v.Complaint.FiledAt)];
    }

    /// <summary>What an admin must decide: disputed complaints and unanswered ones past the seller's time, the most urgent first.</summary>
    public async Task<List<ComplaintView>> AwaitingAdminAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var urgent = await Views(db.Complaints
                .Where(c => c.Status == ComplaintStatus.Disputed || (c.Status == ComplaintStatus.Open && c.AnswerBy < now))
                .OrderBy(c => c.DecideBy ?? c.AnswerBy).Take(200))
            .ToListAsync(cancellationToken);

        // The projection cannot be ordered in SQL and a join does not keep its input's order: the 200 are sorted once read.
        return [.. urgent.OrderBy(v => v.Complaint.DecideBy ?? v.Complaint.AnswerBy)];
    }

    public async Task<bool> AcceptAsync(int sellerId, long complaintId, CancellationToken cancellationToken) =>
        await ChangeAsync(complaintId, c => c.SellerId == sellerId, (c, at) => c.AcceptBySeller(at), cancellationToken);

    public async Task<bool> AnswerAsync(int sellerId, long complaintId, string? answer, CancellationToken cancellationToken) =>
        await ChangeAsync(complaintId, c => c.SellerId == sellerId, (c, at) => c.AnswerBySeller(answer ?? string.Empty, at), cancellationToken);

    public async Task<bool> DecideAsync(long complaintId, bool refund, string admin, CancellationToken cancellationToken) =>
        await ChangeAsync(complaintId, _ => true, (c, at) => c.Decide(refund, admin, at), cancellationToken);

    /// <summary>A complaint photo, for the shopper who filed it, the seller it concerns, or an admin; null otherwise.</summary>
    public async Task<PhotoObject?> PhotoAsync(long complaintId, int index, string userId, bool isAdmin, CancellationToken cancellationToken)
    {
        var complaint = await (from c in db.Complaints.AsNoTracking()
                               join s in db.Sellers on c.SellerId equals s.Id
                               where c.Id == complaintId && (isAdmin || c.ShopperUserId == userId || s.UserId == userId)
                               select c).SingleOrDefaultAsync(cancellationToken);
        return complaint is not null && index >= 0 && index < complaint.Photos.Count ? await images.ReadAsync(complaint.Photos[index], cancellationToken) : null;
    }

    private IQueryable<ComplaintView> Views(IQueryable<Complaint> complaints) =>
        from c in complaints.AsNoTracking()
        join o in db.Orders on c.OrderId equals o.Id
        join s in db.Sellers on c.SellerId equals s.Id
        select new ComplaintView(c, o.Number, s.StoreName);

    /// <summary>Applies a decision under the order's lock; a refund or a release follows in the same transaction. False when refused.</summary>
    private async Task<bool> ChangeAsync(long complaintId, Func<Complaint, bool> allowed, Action<Complaint, DateTimeOffset> decide, CancellationToken cancellationToken)
    {
        var orderId = await db.Complaints.Where(c => c.Id == complaintId).Select(c => (long?)c.OrderId).SingleOrDefaultAsync(cancellationToken);
        if (orderId is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await money.LockedOrderAsync(orderId.Value, cancellationToken);
        var complaint = await db.Complaints.SingleAsync(c => c.Id == complaintId, cancellationToken);
        if (!allowed(complaint))
        {
            return false;
        }

        try
        {
            decide(complaint, now);
        }
        catch (DomainException)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (complaint.Status == ComplaintStatus.Refunded)
        {
            var refunded = await money.RefundPartAsync(order.Id, complaint.SellerId, now, cancellationToken);
            await mail.ToShopperAsync(order.ShopperUserId, NotificationKind.ComplaintRefunded, OrderNotifications.ShopperLink(order.Number), cancellationToken, order.Number, refunded);
        }
        else if (complaint.Status == ComplaintStatus.Rejected)
        {
            await money.ReleaseAsync(order.Id, complaint.SellerId, now, cancellationToken);
            await mail.ToShopperAsync(order.ShopperUserId, NotificationKind.ComplaintRejected, OrderNotifications.ShopperLink(order.Number), cancellationToken, order.Number);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

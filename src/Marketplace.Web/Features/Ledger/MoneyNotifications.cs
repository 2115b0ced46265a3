using Marketplace.Domain.Notifications;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Ledger;

/// <summary>
/// Tells shoppers and sellers of money events (automatic cancellations, complaints, payouts) through <see cref="Notifier"/>:
/// an inbox item and the same mail, in the recipient's language, added to the caller's unit of work so both exist exactly
/// when the event does. A seller's text starts with the shop's name (argument 0).
/// </summary>
public sealed class MoneyNotifications(MarketplaceDbContext db, Notifier notifier)
{
    public async Task ToShopperAsync(string userId, NotificationKind kind, string link, CancellationToken cancellationToken, params object[] arguments)
    {
        var recipients = await notifier.RecipientsAsync([userId], cancellationToken);
        notifier.Tell(recipients[userId], kind, link, arguments);
    }

    public async Task ToSellerAsync(int sellerId, NotificationKind kind, string link, CancellationToken cancellationToken, params object[] arguments)
    {
        var seller = await db.Sellers.AsNoTracking().Where(s => s.Id == sellerId).Select(s => new { s.UserId, s.StoreName }).SingleAsync(cancellationToken);
        var recipients = await notifier.RecipientsAsync([seller.UserId], cancellationToken);
        notifier.Tell(recipients[seller.UserId], kind, link, [seller.StoreName, .. arguments]);
    }
}

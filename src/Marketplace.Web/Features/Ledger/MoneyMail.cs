using Marketplace.Web.Data;
using Marketplace.Web.Features.Email;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Ledger;

/// <summary>Queues the mails of money events (refunds, payouts, cancellations) in the transaction of the event, in the recipient's language.</summary>
public sealed class MoneyMail(MarketplaceDbContext db, EmailOutbox outbox)
{
    public async Task ToShopperAsync(string userId, string key, CancellationToken cancellationToken, params object[] arguments)
    {
        var shopper = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.PreferredLanguage }).SingleAsync(cancellationToken);
        outbox.Add(shopper.Email!, shopper.PreferredLanguage, key, arguments);
    }

    public async Task ToSellerAsync(int sellerId, string key, CancellationToken cancellationToken, params object[] arguments)
    {
        var seller = await (from s in db.Sellers.AsNoTracking()
                            join u in db.Users on s.UserId equals u.Id
                            where s.Id == sellerId
                            select new { u.Email, u.PreferredLanguage, s.StoreName }).SingleAsync(cancellationToken);
        outbox.Add(seller.Email!, seller.PreferredLanguage, key, [seller.StoreName, .. arguments]);
    }
}

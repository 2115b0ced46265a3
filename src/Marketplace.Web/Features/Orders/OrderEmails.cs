using System.Globalization;
using System.Text;
using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Email;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Orders;

/// <summary>
/// Queues the e-mails of a new order in the checkout's transaction: the shopper's confirmation and one message per seller
/// for its part, each in the recipient's language. The outbox worker sends them after the order has committed.
/// </summary>
public sealed class OrderEmails(MarketplaceDbContext db, EmailOutbox outbox)
{
    public async Task QueueAsync(Order order, CancellationToken cancellationToken)
    {
        var sellerIds = order.Parts.Select(p => p.SellerId).ToList();
        var shopper = await db.Users.Where(u => u.Id == order.ShopperUserId)
            .Select(u => new { u.Email, u.PreferredLanguage })
            .SingleAsync(cancellationToken);
        var sellers = await (
            from s in db.Sellers
            join u in db.Users on s.UserId equals u.Id
            where sellerIds.Contains(s.Id)
            select new { s.Id, s.StoreName, u.Email, u.PreferredLanguage })
            .ToDictionaryAsync(s => s.Id, cancellationToken);

        var all = Lines(order.Lines);
        outbox.Add(shopper.Email!, shopper.PreferredLanguage, "Email.OrderPlaced", order.Number, all, order.ShippingTotal.ToString(), order.Total.ToString());
        foreach (var part in order.Parts)
        {
            var seller = sellers[part.SellerId];
            var a = order.Address;
            var address = string.Join(Environment.NewLine, a.RecipientName, a.Phone, a.Street, $"{a.City}, {a.Province} {a.PostalCode}");
            outbox.Add(seller.Email!, seller.PreferredLanguage, "Email.OrderForSeller", order.Number, seller.StoreName, Lines(part.Lines), part.Total.ToString(), address);
        }
    }

    private static string Lines(IEnumerable<OrderLine> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {line.Title} × {line.Quantity}: {line.LineTotal}");
        }

        return text.ToString().TrimEnd();
    }
}

using System.Globalization;
using System.Text;
using Marketplace.Domain;
using Marketplace.Domain.Notifications;
using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Orders;

/// <summary>
/// What shoppers and sellers are told about an order, each through <see cref="Notifier"/> (an inbox item and an e-mail in the
/// recipient's language). Every method adds to the caller's unit of work: call it inside the transaction of the change it
/// reports, before that transaction's SaveChanges, so the mail exists exactly when the change does.
/// </summary>
public sealed class OrderNotifications(MarketplaceDbContext db, Notifier notifier, SiteLinks site)
{
    public static string ShopperLink(string orderNumber) => "/Orders/" + orderNumber;

    public static string SellerLink(string orderNumber) => "/Seller/Orders/" + orderNumber;

    /// <summary>
    /// At checkout: the shopper gets the order with how to pay (the virtual account, its amount and deadline, or cash to the
    /// courier). Sellers hear of it now only when it is cash on delivery; a bank transfer reaches them when it is paid.
    /// </summary>
    public async Task PlacedAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var shopper = await ShopperAsync(order.ShopperUserId, cancellationToken);
        var link = ShopperLink(order.Number);
        if (order.VirtualAccount is { } account)
        {
            notifier.Tell(shopper, NotificationKind.OrderPlaced, link, [order.Number, Lines(order.Lines), order.ShippingTotal, order.Total, account.Bank, account.Number, new IndonesianTime(account.PayBy)]);
        }
        else
        {
            notifier.Tell(shopper, NotificationKind.OrderPlaced, link, [order.Number, Lines(order.Lines), order.ShippingTotal, order.Total], CashOnDelivery);
        }

        if (order.IsReleasedToSellers)
        {
            await TellSellersAsync(order, cancellationToken);
        }
    }

    /// <summary>In the payment's transaction: the shopper's receipt, and each seller's order to pack and ship.</summary>
    public async Task PaidAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var shopper = await ShopperAsync(order.ShopperUserId, cancellationToken);
        notifier.Tell(shopper, NotificationKind.OrderPaid, ShopperLink(order.Number), [order.Number, order.Total, new IndonesianTime(order.PaidAt ?? order.PlacedAt)]);
        await TellSellersAsync(order, cancellationToken);
    }

    /// <summary>A seller's parcel of the order left with the courier: the shopper gets the resi and where to track it.</summary>
    /// <param name="trackingUrl">Where the parcel is tracked: a path inside the site or a courier's address; null for the order's page.</param>
    public async Task ShippedAsync(long orderId, int sellerId, string courier, string trackingNumber, string? trackingUrl, CancellationToken cancellationToken)
    {
        var (order, shop, shopper) = await PartAsync(orderId, sellerId, cancellationToken);
        var inSite = trackingUrl is not null && trackingUrl.StartsWith('/') && !trackingUrl.StartsWith("//", StringComparison.Ordinal);
        var courierSite = Uri.TryCreate(trackingUrl, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp);

        // The inbox opens pages of the site only; a courier's own tracking page is named in the text instead.
        var link = inSite ? trackingUrl! : ShopperLink(order);
        var tracking = courierSite ? address!.AbsoluteUri : site.Absolute(link);
        notifier.Tell(shopper, NotificationKind.OrderShipped, link, [order, shop, courier, trackingNumber, tracking]);
    }

    /// <summary>A seller's parcel of the order reached the shopper.</summary>
    public async Task DeliveredAsync(long orderId, int sellerId, CancellationToken cancellationToken)
    {
        var (order, shop, shopper) = await PartAsync(orderId, sellerId, cancellationToken);
        notifier.Tell(shopper, NotificationKind.OrderDelivered, ShopperLink(order), [order, shop]);
    }

    /// <summary>Money of the order went back to the shopper.</summary>
    public async Task RefundedAsync(long orderId, Rupiah amount, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => new { o.Number, o.ShopperUserId }).SingleAsync(cancellationToken);
        var shopper = await ShopperAsync(order.ShopperUserId, cancellationToken);
        notifier.Tell(shopper, NotificationKind.OrderRefunded, ShopperLink(order.Number), [order.Number, amount]);
    }

    private const string CashOnDelivery = "CashOnDelivery";

    private async Task TellSellersAsync(Order order, CancellationToken cancellationToken)
    {
        var sellerIds = order.Parts.Select(p => p.SellerId).ToList();
        var sellers = await (
            from s in db.Sellers.AsNoTracking()
            join u in db.Users on s.UserId equals u.Id
            where sellerIds.Contains(s.Id)
            select new { s.Id, s.StoreName, Recipient = new Recipient(u.Id, u.Email, u.PreferredLanguage) })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var a = order.Address;
        var address = string.Join(Environment.NewLine, a.RecipientName, a.Phone, a.Street, $"{a.City}, {a.Province} {a.PostalCode}");
        foreach (var part in order.Parts)
        {
            var seller = sellers[part.SellerId];
            notifier.Tell(
                seller.Recipient,
                NotificationKind.OrderForSeller,
                SellerLink(order.Number),
                [order.Number, seller.StoreName, Lines(part.Lines), part.Total, address],
                order.PaymentMethod == PaymentMethod.CashOnDelivery ? CashOnDelivery : null);
        }
    }

    private async Task<Recipient> ShopperAsync(string userId, CancellationToken cancellationToken) =>
        (await notifier.RecipientsAsync([userId], cancellationToken))[userId];

    private async Task<(string Order, string Shop, Recipient Shopper)> PartAsync(long orderId, int sellerId, CancellationToken cancellationToken)
    {
        var part = await (
            from o in db.Orders.AsNoTracking()
            from s in db.Sellers.AsNoTracking()
            where o.Id == orderId && s.Id == sellerId
            select new { o.Number, o.ShopperUserId, s.StoreName })
            .SingleAsync(cancellationToken);
        return (part.Number, part.StoreName, await ShopperAsync(part.ShopperUserId, cancellationToken));
    }

    private static string Lines(IEnumerable<OrderLine> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            var name = line.VariantLabel is null ? line.Title : $"{line.Title} ({line.VariantLabel})";
            text.AppendLine(CultureInfo.InvariantCulture, $"- {name} × {line.Quantity}: {line.LineTotal}");
        }

        return text.ToString().TrimEnd();
    }
}

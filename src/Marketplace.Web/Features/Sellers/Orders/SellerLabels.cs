using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Shipping;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sellers.Orders;

/// <summary>The A6 labels of a seller's parts of released orders, one page each, as one PDF.</summary>
public sealed class SellerLabels(MarketplaceDbContext db)
{
    public const int MaxPerPdf = 50;

    /// <summary>Null when none of the numbers is an order of this seller's that sellers may see (unpaid ones are not).</summary>
    public async Task<byte[]?> PdfAsync(int sellerId, IEnumerable<string> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var wanted = numbers.Where(OrderNumber.IsWellFormed).Distinct(StringComparer.Ordinal).Take(MaxPerPdf).ToList();
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .Where(Order.ReleasedToSellers)
            .Where(o => wanted.Contains(o.Number) && o.Lines.Any(l => l.SellerId == sellerId))
            .ToListAsync(cancellationToken);
        if (orders.Count == 0)
        {
            return null;
        }

        var seller = await db.Sellers.AsNoTracking().SingleAsync(s => s.Id == sellerId, cancellationToken);
        var ids = orders.Select(o => o.Id).ToList();
        var parcels = await db.Shipments.AsNoTracking().Where(s => s.SellerId == sellerId && ids.Contains(s.OrderId)).ToDictionaryAsync(s => s.OrderId, cancellationToken);
        var sender = new LabelSender(seller.StoreName, seller.PickupStreet, seller.City, seller.Province, seller.PickupPostalCode, seller.ContactPhone);
        var labels = orders.OrderBy(o => wanted.IndexOf(o.Number)).Select(order =>
        {
            var part = order.Parts.Single(p => p.SellerId == sellerId);
            var parcel = parcels.GetValueOrDefault(order.Id);
            return new ShippingLabel(
                order.Number,
                parcel?.TrackingNumber,
                parcel?.Courier ?? part.Shipping?.Courier ?? "-",
                parcel?.ServiceName ?? part.Shipping?.ServiceName ?? string.Empty,
                part.Shipping?.ChargeableKg ?? 1,
                sender,
                order.Address,
                CashToCollect(order, part),
                part.Lines.Where(l => l.Status != OrderLineStatus.Cancelled)
                    .Select(l => $"{l.Quantity} x {l.Title}{(l.VariantLabel is { } v ? $" ({v})" : string.Empty)}").ToList());
        }).ToList();
        return ShippingLabels.Render(labels);
    }

    /// <summary>What the courier collects for the part on a cash-on-delivery order (goods and shipping); zero when paid ahead.</summary>
    public static Rupiah CashToCollect(Order order, OrderPart part)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(part);
        return order.PaymentMethod == PaymentMethod.CashOnDelivery ? part.CashToCollect : Rupiah.Zero;
    }
}

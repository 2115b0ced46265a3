using Marketplace.Domain.Enforcement;

namespace Marketplace.Domain.Orders;

/// <summary>Where a seller's part of an order stands for the money: shipped in time, delivered, collected, open to complaint.</summary>
public static class OrderParts
{
    /// <summary>Working days a seller has to ship a paid part (COD: a placed part), on the WIB calendar.</summary>
    public const int ShipByWorkingDays = 2;

    /// <summary>How long after delivery the shopper may complain.</summary>
    public static readonly TimeSpan ComplaintWindow = TimeSpan.FromDays(2);

    /// <summary>Delivered: every line that was not cancelled arrived, and at least one did.</summary>
    public static bool IsDelivered(OrderPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.Lines.All(l => l.Status is OrderLineStatus.Delivered or OrderLineStatus.Cancelled) && part.Lines.Any(l => l.Status == OrderLineStatus.Delivered);
    }

    /// <summary>What the COD courier collects for the part: the lines that were not cancelled, and the shipping fee.</summary>
    public static Rupiah CollectedOnDelivery(OrderPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return Rupiah.Sum(part.Lines.Where(l => l.Status != OrderLineStatus.Cancelled).Select(l => l.LineTotal)) + part.ShippingFee;
    }

    /// <summary>The instant the part must have shipped by: 2 working days (WIB) after the order was released to the seller.</summary>
    public static DateTimeOffset ShipBy(DateTimeOffset releasedAt) => WorkingDays.Add(releasedAt, ShipByWorkingDays, Wib.Offset);

    public static bool MayComplain(DateTimeOffset deliveredAt, DateTimeOffset now) => now >= deliveredAt && now <= deliveredAt + ComplaintWindow;

    /// <summary>
    /// When a delivered part's escrow goes to the seller if the shopper has not confirmed receipt. A parcel booked with the
    /// courier counts from the delivery its tracking reported; a part the seller shipped by hand counts from its shipping,
    /// over a longer time, since only the seller said it arrived. <c>AfterDeliverySweeps.DeliveredUnreleasedAsync</c> is its SQL form.
    /// </summary>
    public static DateTimeOffset AutoReleaseAt(bool bookedWithCourier, DateTimeOffset deliveredAt, DateTimeOffset shippedAt, int daysAfterDelivery, int daysAfterShipping) =>
        bookedWithCourier ? deliveredAt.AddDays(daysAfterDelivery) : shippedAt.AddDays(daysAfterShipping);
}

using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Orders;

/// <summary>One listing in an order, belonging to one seller, with the title and price as they were when ordered.</summary>
public sealed class OrderLine
{
    public const int TrackingNumberMaxLength = 64;

    /// <summary>The couriers a seller can hand a parcel to; the shopper tracks the parcel on the courier's site.</summary>
    public static readonly IReadOnlyList<string> Couriers = ["JNE", "J&T Express", "SiCepat", "AnterAja", "Pos Indonesia", "Ninja Xpress", "Lion Parcel", "GoSend", "GrabExpress"];

    private OrderLine()
    {
        Title = string.Empty;
    }

    internal OrderLine(long listingId, int sellerId, string title, Rupiah unitPrice, int quantity, long? variantId, string? variantLabel)
    {
        ListingId = listingId;
        VariantId = variantId;
        VariantLabel = variantLabel;
        SellerId = sellerId;
        Title = title;
        UnitPrice = unitPrice;
        Quantity = quantity;
    }

    public long Id { get; private set; }

    public long OrderId { get; private set; }

    public long ListingId { get; private set; }

    /// <summary>The variant bought; null for a listing without variants, or once the seller removed the variant.</summary>
    public long? VariantId { get; private set; }

    /// <summary>The variant as it was named when ordered ("Ukuran: M / Warna: Merah"), for the seller's packing and the label.</summary>
    public string? VariantLabel { get; private set; }

    public int SellerId { get; private set; }

    public string Title { get; private set; }

    public Rupiah UnitPrice { get; private set; }

    public int Quantity { get; private set; }

    public OrderLineStatus Status { get; private set; }

    public string? Courier { get; private set; }

    public string? TrackingNumber { get; private set; }

    public uint Version { get; private set; }

    public Rupiah LineTotal => UnitPrice * Quantity;

    public OrderLineEvent Pack(string actor, DateTimeOffset at) => MoveTo(OrderLineStatus.Packed, [OrderLineStatus.New], null, actor, at);

    public OrderLineEvent Ship(string courier, string trackingNumber, string actor, DateTimeOffset at)
    {
        if (!Couriers.Contains(courier))
        {
            throw new DomainException("order.courier_unknown", $"'{courier}' is not a courier the marketplace knows.");
        }

        var tracking = (trackingNumber ?? string.Empty).Trim();
        if (tracking.Length is < 4 or > TrackingNumberMaxLength || !tracking.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/'))
        {
            throw new DomainException("order.tracking_invalid", "A tracking number has 4 to 64 letters, digits, '-', '_' or '/'.");
        }

        var change = MoveTo(OrderLineStatus.Shipped, [OrderLineStatus.Packed], tracking, actor, at);
        Courier = courier;
        TrackingNumber = tracking;
        return change;
    }

    public OrderLineEvent Deliver(string actor, DateTimeOffset at) => MoveTo(OrderLineStatus.Delivered, [OrderLineStatus.Shipped], null, actor, at);

    /// <summary>Cancels a line that has not left the shop yet and puts its quantity back on the stock of its listing and variant.</summary>
    public OrderLineEvent Cancel(Listing listing, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(listing);
        if (listing.Id != ListingId)
        {
            throw new DomainException("order.wrong_listing", "A cancelled line restocks its own listing.");
        }

        var change = MoveTo(OrderLineStatus.Cancelled, [OrderLineStatus.New, OrderLineStatus.Packed], null, actor, at);
        listing.Restock(Quantity, VariantId);
        return change;
    }

    /// <summary>Brings back a line its order's expiry cancelled, once a payment made on time reopened the order; the order takes the stock.</summary>
    internal OrderLineEvent Reinstate(string actor, DateTimeOffset at) => MoveTo(OrderLineStatus.New, [OrderLineStatus.Cancelled], null, actor, at);

    private OrderLineEvent MoveTo(OrderLineStatus target, OrderLineStatus[] from, string? trackingNumber, string actor, DateTimeOffset at)
    {
        if (!from.Contains(Status))
        {
            throw new DomainException("order.transition_forbidden", $"Cannot move a line that is {Status} to {target}.");
        }

        var change = new OrderLineEvent(Id, SellerId, Status, target, trackingNumber, actor, at);
        Status = target;
        return change;
    }
}

using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Shipping;

/// <summary>One courier's tracking event as the parcel's timeline shows it, at the time the courier says it happened.</summary>
public sealed class TrackingEvent
{
    public const int EventIdMaxLength = 64;
    public const int LocationMaxLength = 100;

    private TrackingEvent()
    {
        EventId = string.Empty;
    }

    internal TrackingEvent(string eventId, TrackingStage stage, string? location, DateTimeOffset at)
        : this()
    {
        EventId = eventId;
        Stage = stage;
        Location = location;
        At = at;
    }

    public long Id { get; private set; }

    public long ShipmentId { get; private set; }

    public string EventId { get; private set; }

    public TrackingStage Stage { get; private set; }

    public string? Location { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// One seller's part of an order booked with a courier: the service, the resi, and where the parcel is. The courier's
/// tracking events move it forward only; the part's order lines follow it (picked up: shipped; delivered: delivered).
/// </summary>
public sealed class Shipment
{
    public const int TrackingNumberMaxLength = 32;

    private readonly List<TrackingEvent> _events = [];

    private Shipment()
    {
        ServiceCode = string.Empty;
        Courier = string.Empty;
        ServiceName = string.Empty;
        TrackingNumber = string.Empty;
    }

    private Shipment(long orderId, int sellerId, OrderShipping shipping, string trackingNumber, Rupiah cashToCollect, DateTimeOffset at)
        : this()
    {
        OrderId = orderId;
        SellerId = sellerId;
        ServiceCode = shipping.ServiceCode;
        Courier = shipping.Courier;
        ServiceName = shipping.ServiceName;
        ChargeableKg = shipping.ChargeableKg;
        TrackingNumber = trackingNumber;
        CashToCollect = cashToCollect;
        BookedAt = at;
        Stage = TrackingStage.Booked;
    }

    public long Id { get; private set; }

    public long OrderId { get; private set; }

    public int SellerId { get; private set; }

    public string ServiceCode { get; private set; }

    public string Courier { get; private set; }

    public string ServiceName { get; private set; }

    public int ChargeableKg { get; private set; }

    /// <summary>The resi: the number the courier tracks the parcel by.</summary>
    public string TrackingNumber { get; private set; }

    /// <summary>What the courier collects on delivery (goods and shipping) for a cash-on-delivery order; zero when paid ahead.</summary>
    public Rupiah CashToCollect { get; private set; }

    public DateTimeOffset BookedAt { get; private set; }

    public TrackingStage Stage { get; private set; }

    public IReadOnlyCollection<TrackingEvent> Events => _events.AsReadOnly();

    /// <summary>
    /// Books the service the shopper chose for the seller's part of a released order, under the resi the courier gave. The
    /// part's new lines count as packed: the parcel waits for pickup.
    /// </summary>
    public static (Shipment Shipment, IReadOnlyList<OrderLineEvent> Changes) Book(Order order, int sellerId, string trackingNumber, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!order.IsReleasedToSellers)
        {
            throw new DomainException("shipment.order_not_released", "Only a paid or cash-on-delivery order is booked.");
        }

        var part = order.Parts.SingleOrDefault(p => p.SellerId == sellerId)
            ?? throw new DomainException("shipment.not_the_sellers", "The order has no part of this seller's.");
        if (part.Shipping is not { } shipping)
        {
            throw new DomainException("shipment.no_service", "The order was placed before shoppers chose a courier; ship it by hand.");
        }

        var open = part.Lines.Where(l => l.Status != OrderLineStatus.Cancelled).ToList();
        if (open.Count == 0 || open.Any(l => l.Status is not (OrderLineStatus.New or OrderLineStatus.Packed)))
        {
            throw new DomainException("shipment.not_bookable", "Only a part still being packed is booked, once.");
        }

        var resi = (trackingNumber ?? string.Empty).Trim();
        if (resi.Length is < 8 or > TrackingNumberMaxLength || !resi.All(char.IsAsciiLetterOrDigit))
        {
            throw new DomainException("shipment.resi_invalid", "A resi has 8 to 32 letters and digits.");
        }

        var cash = order.PaymentMethod == PaymentMethod.CashOnDelivery ? part.CashToCollect : Rupiah.Zero;
        var shipment = new Shipment(order.Id, sellerId, shipping, resi, cash, at);
        var changes = open.Where(l => l.Status == OrderLineStatus.New).Select(l => l.Pack(actor, at)).ToList();
        return (shipment, changes);
    }

    /// <summary>
    /// Records a tracking event. One that does not move the parcel forward (a stage already passed, or anything after
    /// delivered or failed) is ignored and returns null. Picked up ships the part's packed lines under the resi; delivered
    /// delivers them, shipping first any the courier skipped reporting.
    /// </summary>
    public IReadOnlyList<OrderLineEvent>? Track(string eventId, TrackingStage stage, string? location, DateTimeOffset at, IEnumerable<OrderLine> lines, string actor)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (string.IsNullOrWhiteSpace(eventId) || eventId.Length > TrackingEvent.EventIdMaxLength || stage == TrackingStage.Booked)
        {
            throw new DomainException("shipment.event_invalid", "A tracking event has an id and a stage after booking.");
        }

        if (TrackingStages.IsFinal(Stage) || TrackingStages.Rank(stage) <= TrackingStages.Rank(Stage))
        {
            return null;
        }

        Stage = stage;
        var place = string.IsNullOrWhiteSpace(location) ? null : location.Trim()[..Math.Min(location.Trim().Length, TrackingEvent.LocationMaxLength)];
        _events.Add(new TrackingEvent(eventId, stage, place, at));

        var ours = lines.Where(l => l.SellerId == SellerId && l.Status != OrderLineStatus.Cancelled).ToList();
        var changes = new List<OrderLineEvent>();
        if (stage != TrackingStage.Failed)
        {
            changes.AddRange(ours.Where(l => l.Status == OrderLineStatus.Packed).Select(l => l.Ship(Courier, TrackingNumber, actor, at)));
        }

        if (stage == TrackingStage.Delivered)
        {
            changes.AddRange(ours.Where(l => l.Status == OrderLineStatus.Shipped).Select(l => l.Deliver(actor, at)));
        }

        return changes;
    }
}

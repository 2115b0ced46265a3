namespace Marketplace.Domain.Orders;

/// <summary>Who moved a seller's order line from one status to another, and when.</summary>
public sealed class OrderLineEvent
{
    private OrderLineEvent()
    {
        Actor = string.Empty;
    }

    internal OrderLineEvent(long orderLineId, int sellerId, OrderLineStatus from, OrderLineStatus to, string? trackingNumber, string actor, DateTimeOffset at)
        : this()
    {
        OrderLineId = orderLineId;
        SellerId = sellerId;
        From = from;
        To = to;
        TrackingNumber = trackingNumber;
        Actor = string.IsNullOrWhiteSpace(actor) ? throw new DomainException("order.actor_required", "Someone made the change.") : actor;
        At = at;
    }

    public long Id { get; private set; }

    public long OrderLineId { get; private set; }

    public int SellerId { get; private set; }

    public OrderLineStatus From { get; private set; }

    public OrderLineStatus To { get; private set; }

    public string? TrackingNumber { get; private set; }

    public string Actor { get; private set; }

    public DateTimeOffset At { get; private set; }
}

namespace Marketplace.Web.Features.Payments;

/// <summary>One callback the provider sent, by its event id: the same event arriving again is recognised and changes nothing.</summary>
public sealed class PaymentCallback
{
    public const int EventIdMaxLength = 64;

    public const int OrderNumberMaxLength = 32;

    public PaymentCallback(string eventId, string orderNumber, DateTimeOffset receivedAt)
    {
        EventId = eventId;
        OrderNumber = orderNumber;
        ReceivedAt = receivedAt;
    }

    public string EventId { get; private set; }

    public string OrderNumber { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}

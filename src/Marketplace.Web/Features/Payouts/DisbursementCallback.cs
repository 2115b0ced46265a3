namespace Marketplace.Web.Features.Payouts;

/// <summary>One callback the disbursement provider sent, by its event id: the same event arriving again changes nothing.</summary>
public sealed class DisbursementCallback
{
    public const int EventIdMaxLength = 64;

    public DisbursementCallback(string eventId, string reference, DateTimeOffset receivedAt)
    {
        EventId = eventId;
        Reference = reference;
        ReceivedAt = receivedAt;
    }

    public string EventId { get; private set; }

    public string Reference { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Features.Orders;
using Marketplace.Web.Features.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Shipping;

/// <summary>What the courier posts when a parcel moves.</summary>
public sealed record TrackingCallbackBody(
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("tracking_number")] string TrackingNumber,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("location")] string? Location,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp)
{
    /// <summary>The courier's words for each stage after booking.</summary>
    public static readonly IReadOnlyDictionary<string, TrackingStage> Stages = new Dictionary<string, TrackingStage>(StringComparer.Ordinal)
    {
        ["picked_up"] = TrackingStage.PickedUp,
        ["in_transit"] = TrackingStage.InTransit,
        ["out_for_delivery"] = TrackingStage.OutForDelivery,
        ["delivered"] = TrackingStage.Delivered,
        ["failed"] = TrackingStage.Failed,
    };

    public static string StatusOf(TrackingStage stage) => Stages.Single(s => s.Value == stage).Key;
}

public enum TrackingOutcome
{
    Applied,

    /// <summary>The event was seen before: nothing changed, and the courier may stop retrying.</summary>
    AlreadyHandled,

    /// <summary>Signed and new, but the parcel is already further along (or finished): recorded, nothing changed.</summary>
    OutOfOrder,
    BadSignature,
    Malformed,
    UnknownParcel,
}

/// <summary>One tracking webhook the courier sent, by its event id: the same event again is recognised and changes nothing.</summary>
public sealed class TrackingCallback
{
    public TrackingCallback(string eventId, string trackingNumber, DateTimeOffset receivedAt)
    {
        EventId = eventId;
        TrackingNumber = trackingNumber;
        ReceivedAt = receivedAt;
    }

    public string EventId { get; private set; }

    public string TrackingNumber { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}

/// <summary>
/// Receives the courier's tracking webhooks. Each is checked for its signature, recorded by event id in the same transaction
/// that moves the parcel, and applied under the shipment's row lock; the parcel only moves forward, so a replay, a late
/// "in transit" after "delivered" or a retry changes nothing. Order lines follow at the time the courier reports.
/// </summary>
public sealed class TrackingCallbacks(MarketplaceDbContext db, OrderNotifications notifications, OrderMoney money, TimeProvider clock, IOptions<ShippingOptions> options, ILogger<TrackingCallbacks> logger)
{
    public const string SignatureHeader = "X-Courier-Signature";

    public async Task<TrackingOutcome> ReceiveAsync(string body, string? signature, CancellationToken cancellationToken)
    {
        var message = PaymentSignature.Read<TrackingCallbackBody>(body, signature, options.Value.TrackingSecret, out var authentic);
        if (!authentic)
        {
            return TrackingOutcome.BadSignature;
        }

        if (message is not { EventId.Length: > 0 and <= TrackingEvent.EventIdMaxLength, TrackingNumber.Length: > 0 and <= Shipment.TrackingNumberMaxLength, Status: not null }
            || !TrackingCallbackBody.Stages.TryGetValue(message.Status, out var stage))
        {
            return TrackingOutcome.Malformed;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var firstTime = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO tracking_callbacks (event_id, tracking_number, received_at) VALUES ({message.EventId}, {message.TrackingNumber}, {clock.GetUtcNow()}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (firstTime == 0)
        {
            return TrackingOutcome.AlreadyHandled;
        }

        var orderId = await db.Shipments.Where(s => s.TrackingNumber == message.TrackingNumber).Select(s => (long?)s.OrderId).SingleOrDefaultAsync(cancellationToken);
        if (orderId is null)
        {
            return TrackingOutcome.UnknownParcel;
        }

        // The order first, as a seller's moves and the sweeps take it, then the parcel: no two of them can deadlock.
        await money.LockOrderAsync(orderId.Value, cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM shipments WHERE tracking_number = {message.TrackingNumber} FOR UPDATE", cancellationToken);
        var shipment = await db.Shipments.Include(s => s.Events).SingleAsync(s => s.TrackingNumber == message.TrackingNumber, cancellationToken);

        var lines = await db.OrderLines.Where(l => l.OrderId == shipment.OrderId && l.SellerId == shipment.SellerId).ToListAsync(cancellationToken);
        var changes = shipment.Track(message.EventId, stage, message.Location, message.Timestamp, lines, "courier:" + shipment.Courier);
        if (changes is null)
        {
            logger.LogInformation("Tracking event {EventId} ({Status}) for {TrackingNumber} arrived after {Stage}; ignored", message.EventId, message.Status, message.TrackingNumber, shipment.Stage);
            await transaction.CommitAsync(cancellationToken);
            return TrackingOutcome.OutOfOrder;
        }

        db.OrderLineEvents.AddRange(changes);
        if (changes.Any(c => c.To == OrderLineStatus.Shipped))
        {
            await notifications.ShippedAsync(shipment.OrderId, shipment.SellerId, shipment.Courier, shipment.TrackingNumber, null, cancellationToken);
        }

        if (changes.Any(c => c.To == OrderLineStatus.Delivered))
        {
            await notifications.DeliveredAsync(shipment.OrderId, shipment.SellerId, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);

        // A delivered cash-on-delivery part is settled by the courier; the books post it once, in this transaction.
        await money.PartMovedAsync(shipment.OrderId, shipment.SellerId, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TrackingOutcome.Applied;
    }

    /// <summary>The courier's endpoint: the raw body is what was signed, so it is read as text before anything parses it.</summary>
    public static async Task<IResult> EndpointAsync(HttpRequest request, TrackingCallbacks callbacks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(callbacks);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var outcome = await callbacks.ReceiveAsync(body, request.Headers[SignatureHeader], cancellationToken);
        var status = outcome switch
        {
            TrackingOutcome.Applied or TrackingOutcome.AlreadyHandled or TrackingOutcome.OutOfOrder => StatusCodes.Status200OK,
            TrackingOutcome.BadSignature => StatusCodes.Status401Unauthorized,
            TrackingOutcome.UnknownParcel => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        return Results.Json(new { outcome = outcome.ToString() }, statusCode: status);
    }

    /// <summary>A webhook as the courier would send it, signed with the shared secret; the sandbox and the tests post these.</summary>
    public static (string Body, string Signature) Sign(TrackingCallbackBody message, string secret)
    {
        var body = JsonSerializer.Serialize(message);
        return (body, PaymentSignature.Sign(body, secret));
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Features.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Payments;

/// <summary>What the provider posts when money arrives in a virtual account.</summary>
public sealed record PaymentCallbackBody(
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("order_number")] string OrderNumber,
    [property: JsonPropertyName("va_number")] string AccountNumber,
    [property: JsonPropertyName("amount")] long Amount,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("paid_at")] DateTimeOffset? PaidAt = null)
{
    /// <summary>When the shopper paid, by the provider's clock: what decides whether the payment met the deadline. A retried callback keeps it while its timestamp moves on.</summary>
    public DateTimeOffset PaymentTime => PaidAt ?? Timestamp;

    public const string Paid = "paid";
}

public enum CallbackOutcome
{
    Settled,

    /// <summary>The event was seen before, or the order was already paid: nothing changed, and the provider may stop retrying.</summary>
    AlreadyHandled,
    BadSignature,

    /// <summary>The timestamp lies outside the window: a replay of an old callback, or a clock far off.</summary>
    Stale,
    Malformed,

    /// <summary>Signed and fresh for an order the platform has no row for: the money is recorded and refunded like <see cref="Refunded"/>.</summary>
    UnknownOrder,

    /// <summary>
    /// Signed and fresh, but the money cannot be taken (another account, another amount, paid after the deadline, or the
    /// order's stock sold since it expired): recorded, and refunded through the provider.
    /// </summary>
    Refunded,
}

/// <summary>HMAC-SHA256 over the raw body with the shared secret, as hex: the header the provider signs each callback with.</summary>
public static class PaymentSignature
{
    public const string Header = "X-Callback-Signature";

    public static string Sign(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static bool Verify(string body, string? signature, string secret)
    {
        if (secret.Length == 0 || signature is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, secret)), Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant()));
    }

    /// <summary>A provider's callback body, read only when its signature holds; null when unsigned (<paramref name="authentic"/> false) or not JSON of <typeparamref name="T"/>.</summary>
    public static T? Read<T>(string body, string? signature, string secret, out bool authentic)
        where T : class
    {
        authentic = Verify(body, signature, secret);
        if (!authentic)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Receives the provider's callbacks. Each is checked for its signature and freshness, then recorded by event id in the same
/// transaction that settles the order, so a replayed or retried event is recognised and settles nothing twice; the order row
/// is locked, so a callback and the expiry sweep cannot both decide the same order.
/// </summary>
public sealed class PaymentCallbacks(
    MarketplaceDbContext db, OrderNotifications notifications, OrderMoney money, UnpaidOrderExpiry expiry, PaymentRefunds refunds, TimeProvider clock, IOptions<PaymentOptions> options, ILogger<PaymentCallbacks> logger)
{
    public const string ReopenActor = "system:payment-on-time";

    private const string LateCode = "payment.late";

    public async Task<CallbackOutcome> ReceiveAsync(string body, string? signature, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = PaymentSignature.Read<PaymentCallbackBody>(body, signature, settings.CallbackSecret, out var authentic);
        if (!authentic)
        {
            return CallbackOutcome.BadSignature;
        }

        if (message is not { EventId.Length: > 0 and <= PaymentCallback.EventIdMaxLength, OrderNumber.Length: > 0 and <= PaymentCallback.OrderNumberMaxLength, AccountNumber.Length: > 0 and <= VirtualAccount.NumberMaxLength, Amount: > 0, Status: PaymentCallbackBody.Paid })
        {
            return CallbackOutcome.Malformed;
        }

        var now = clock.GetUtcNow();
        if ((now - message.Timestamp).Duration() > TimeSpan.FromMinutes(settings.CallbackWindowMinutes))
        {
            return CallbackOutcome.Stale;
        }

        if (message.PaymentTime - now > TimeSpan.FromMinutes(settings.CallbackWindowMinutes))
        {
            return CallbackOutcome.Malformed;
        }

        var (outcome, refund) = await RecordAsync(message, now, cancellationToken);
        if (refund is not null)
        {
            // After the commit: the refund is recorded whatever the provider answers, and the sweep hands it over if this fails.
            await refunds.SubmitPendingAsync(refund, cancellationToken);
        }

        return outcome;
    }

    /// <summary>The provider's endpoint: the raw body is what was signed, so it is read as text before anything parses it.</summary>
    public static async Task<IResult> EndpointAsync(HttpRequest request, PaymentCallbacks callbacks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(callbacks);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var outcome = await callbacks.ReceiveAsync(body, request.Headers[PaymentSignature.Header], cancellationToken);
        var status = outcome switch
        {
            // Every outcome that recorded the event: the provider stops retrying only once the money has a row.
            CallbackOutcome.Settled or CallbackOutcome.AlreadyHandled or CallbackOutcome.Refunded or CallbackOutcome.UnknownOrder => StatusCodes.Status200OK,
            CallbackOutcome.BadSignature or CallbackOutcome.Stale => StatusCodes.Status401Unauthorized,
            _ => StatusCodes.Status400BadRequest,
        };
        return Results.Json(new { outcome = outcome.ToString() }, statusCode: status);
    }

    /// <summary>Records the event and settles, reopens or refunds in one transaction; returns the refund to hand over, if any.</summary>
    private async Task<(CallbackOutcome Outcome, string? Refund)> RecordAsync(PaymentCallbackBody message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var firstTime = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO payment_callbacks (event_id, order_number, received_at) VALUES ({message.EventId}, {message.OrderNumber}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (firstTime == 0)
        {
            return (CallbackOutcome.AlreadyHandled, null);
        }

        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM orders WHERE number = {message.OrderNumber} FOR UPDATE", cancellationToken);
        var order = await db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Number == message.OrderNumber, cancellationToken);
        if (order is null)
        {
            var unmatched = await RefundAsync(message, null, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (CallbackOutcome.UnknownOrder, unmatched);
        }

        var amount = new Rupiah(message.Amount);
        bool settled;
        try
        {
            if (order.PaymentStatus == PaymentStatus.Expired)
            {
                var listings = await expiry.LockedListingsAsync([order], cancellationToken);
                db.OrderLineEvents.AddRange(order.ReopenPaid(message.AccountNumber, amount, message.PaymentTime, listings, ReopenActor, now));
                settled = true;
            }
            else
            {
                settled = order.SettleTransfer(message.AccountNumber, amount, message.PaymentTime);
            }
        }
        catch (DomainException refused)
        {
            // The money did arrive: it is recorded and refunded, never dropped. Paid after the deadline, the order is over
            // now, whether or not the sweep has come by yet.
            logger.LogWarning("Payment callback {EventId} for {OrderNumber} refused and refunded: {Reason}", message.EventId, message.OrderNumber, refused.Code);
            db.ChangeTracker.Clear();
            if (refused.Code == LateCode)
            {
                await ExpireLateAsync(order.Id, now, cancellationToken);
            }

            var reference = await RefundAsync(message, order.Id, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (CallbackOutcome.Refunded, reference);
        }

        if (settled)
        {
            // Told in the settlement's transaction: the seller learns of the order exactly when it is theirs to ship.
            await notifications.PaidAsync(order, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (settled)
        {
            await SoldCounts.CountAsync(db, order, cancellationToken);
            await money.PaymentSettledAsync(order, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (settled ? CallbackOutcome.Settled : CallbackOutcome.AlreadyHandled, null);
    }

    private async Task ExpireLateAsync(long orderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == orderId, cancellationToken);
        if (order.PaymentStatus == PaymentStatus.AwaitingPayment)
        {
            await expiry.ExpireLockedAsync([order], now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The receipt and its refund as one balanced journal in the books, and the refund owed through the provider.</summary>
    private async Task<string> RefundAsync(PaymentCallbackBody message, long? orderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await money.UnmatchedPaymentAsync(message.EventId, orderId, new Rupiah(message.Amount), now, cancellationToken);
        return await refunds.RequestAsync(message.EventId, orderId, message.AccountNumber, new Rupiah(message.Amount), now, cancellationToken);
    }

    /// <summary>A callback as the provider would send it, signed with the shared secret; the sandbox and the tests post these.</summary>
    public static (string Body, string Signature) SignCallback(PaymentCallbackBody message, string secret)
    {
        var body = JsonSerializer.Serialize(message);
        return (body, PaymentSignature.Sign(body, secret));
    }

    /// <summary>A fresh event for paying an order in full, as the provider reports it.</summary>
    public static PaymentCallbackBody PaidEvent(Order order, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new PaymentCallbackBody(
            "evt-" + Guid.NewGuid().ToString("N"), order.Number, order.VirtualAccount?.Number ?? string.Empty, order.Total.Amount, PaymentCallbackBody.Paid, at, at);
    }
}

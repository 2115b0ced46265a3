using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Marketplace.Domain;
using Marketplace.Domain.Money;
using Marketplace.Domain.Notifications;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Features.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Payouts;

/// <summary>What the provider posts when a transfer to a seller's bank completed or failed.</summary>
public sealed record DisbursementCallbackBody(
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("amount")] long Amount,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("failure_reason")] string? FailureReason,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp)
{
    public const string Completed = "completed";
    public const string Failed = "failed";
}

public enum DisbursementOutcome
{
    Settled,

    /// <summary>The event was seen before, or the payout was settled already: nothing changed, and the provider may stop retrying.</summary>
    AlreadyHandled,
    BadSignature,
    Stale,
    Malformed,
    UnknownPayout,

    /// <summary>Signed and fresh, but another amount than the payout's.</summary>
    Refused,
}

/// <summary>
/// Receives the disbursement provider's callbacks: signed with the shared secret (the payment callbacks' HMAC), fresh, and
/// recorded by event id in the transaction that settles the payout, whose row is locked, so a replay, a retry or a late
/// contrary report settles nothing twice. A failed transfer returns the amount to the seller's balance.
/// </summary>
public sealed class DisbursementCallbacks(MarketplaceDbContext db, Books books, MoneyNotifications mail, TimeProvider clock, IOptions<PayoutOptions> options)
{
    private const string SaldoLink = "/Seller/Saldo";

    public const string ReferencePrefix = "PO-";

    public async Task<DisbursementOutcome> ReceiveAsync(string body, string? signature, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = PaymentSignature.Read<DisbursementCallbackBody>(body, signature, settings.CallbackSecret, out var authentic);
        if (!authentic)
        {
            return DisbursementOutcome.BadSignature;
        }

        if (message is not { EventId.Length: > 0 and <= DisbursementCallback.EventIdMaxLength, Reference: not null, Amount: > 0, Status: DisbursementCallbackBody.Completed or DisbursementCallbackBody.Failed })
        {
            return DisbursementOutcome.Malformed;
        }

        var now = clock.GetUtcNow();
        if ((now - message.Timestamp).Duration() > TimeSpan.FromMinutes(settings.CallbackWindowMinutes))
        {
            return DisbursementOutcome.Stale;
        }

        if (!message.Reference.StartsWith(ReferencePrefix, StringComparison.Ordinal)
            || !long.TryParse(message.Reference.AsSpan(ReferencePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var payoutId))
        {
            return DisbursementOutcome.UnknownPayout;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var firstTime = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO disbursement_callbacks (event_id, reference, received_at) VALUES ({message.EventId}, {message.Reference}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (firstTime == 0)
        {
            return DisbursementOutcome.AlreadyHandled;
        }

        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM payouts WHERE id = {payoutId} FOR UPDATE", cancellationToken);
        var payout = await db.Payouts.SingleOrDefaultAsync(p => p.Id == payoutId, cancellationToken);
        if (payout is null)
        {
            return DisbursementOutcome.UnknownPayout;
        }

        if (payout.Amount.Amount != message.Amount)
        {
            return DisbursementOutcome.Refused;
        }

        var paid = message.Status == DisbursementCallbackBody.Completed;
        if (payout.Settle(paid, message.FailureReason, now))
        {
            var journal = paid ? Postings.PayoutSettled(payout.Id, payout.SellerId, payout.Amount) : Postings.PayoutReturned(payout.Id, payout.SellerId, payout.Amount);
            await books.PostAsync(journal, now, cancellationToken);
            await mail.ToSellerAsync(payout.SellerId, paid ? NotificationKind.PayoutPaid : NotificationKind.PayoutFailed, SaldoLink, cancellationToken, payout.Amount, payout.Reference);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return DisbursementOutcome.Settled;
        }

        await transaction.CommitAsync(cancellationToken);
        return DisbursementOutcome.AlreadyHandled;
    }

    /// <summary>The provider's endpoint: the raw body is what was signed, so it is read as text before anything parses it.</summary>
    public static async Task<IResult> EndpointAsync(HttpRequest request, DisbursementCallbacks callbacks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(callbacks);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var outcome = await callbacks.ReceiveAsync(await reader.ReadToEndAsync(cancellationToken), request.Headers[PaymentSignature.Header], cancellationToken);
        var status = outcome switch
        {
            DisbursementOutcome.Settled or DisbursementOutcome.AlreadyHandled => StatusCodes.Status200OK,
            DisbursementOutcome.BadSignature or DisbursementOutcome.Stale => StatusCodes.Status401Unauthorized,
            DisbursementOutcome.UnknownPayout => StatusCodes.Status404NotFound,
            DisbursementOutcome.Refused => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Results.Json(new { outcome = outcome.ToString() }, statusCode: status);
    }

    /// <summary>A fresh event for a transfer's outcome, as the provider reports it.</summary>
    public static DisbursementCallbackBody Event(string reference, Rupiah amount, bool paid, DateTimeOffset at) =>
        new("dsb-" + Guid.NewGuid().ToString("N"), reference, amount.Amount, paid ? DisbursementCallbackBody.Completed : DisbursementCallbackBody.Failed, paid ? null : "Rekening tidak aktif", at);
}

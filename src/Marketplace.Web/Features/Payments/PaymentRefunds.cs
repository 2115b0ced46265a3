using Marketplace.Domain;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Payments;

/// <summary>
/// Money that arrived and cannot be taken, to be sent back through the provider into the account it came from. The row is
/// written in the transaction that records the payment, so a refund owed is never lost; it is handed to the provider after
/// the commit, and again by the expiry sweep while the provider was away.
/// </summary>
public sealed class PaymentRefund
{
    public const int ReferenceMaxLength = PaymentCallback.EventIdMaxLength + 7;

    public PaymentRefund(string reference, long? orderId, string accountNumber, Rupiah amount, DateTimeOffset requestedAt)
    {
        Reference = reference;
        OrderId = orderId;
        AccountNumber = accountNumber;
        Amount = amount;
        RequestedAt = requestedAt;
    }

    /// <summary>The provider's idempotency key: the same reference handed over twice is one refund.</summary>
    public string Reference { get; private set; }

    public long? OrderId { get; private set; }

    public string AccountNumber { get; private set; }

    public Rupiah Amount { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>When the provider accepted it; null while it is still to be handed over.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The refund of the money of one payment event.</summary>
    public static string ReferenceFor(string eventId) => "refund-" + eventId;
}

/// <summary>Records refunds owed and hands them to the <see cref="IPaymentProvider"/>.</summary>
public sealed class PaymentRefunds(MarketplaceDbContext db, IPaymentProvider provider, TimeProvider clock, ILogger<PaymentRefunds> logger)
{
    private const int BatchSize = 50;

    /// <summary>Records the refund inside the caller's transaction; a replayed event records nothing twice.</summary>
    public async Task<string> RequestAsync(string eventId, long? orderId, string accountNumber, Rupiah amount, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var reference = PaymentRefund.ReferenceFor(eventId);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO payment_refunds (reference, order_id, account_number, amount_idr, requested_at)
            VALUES ({reference}, {orderId}, {accountNumber}, {amount.Amount}, {at})
            ON CONFLICT (reference) DO NOTHING
            """, cancellationToken);
        return reference;
    }

    /// <summary>Hands the refunds not yet accepted to the provider, oldest first; returns how many it accepted.</summary>
    public async Task<int> SubmitPendingAsync(string? onlyReference, CancellationToken cancellationToken)
    {
        var pending = await db.PaymentRefunds.AsNoTracking()
            .Where(r => r.SubmittedAt == null && (onlyReference == null || r.Reference == onlyReference))
            .OrderBy(r => r.RequestedAt).Take(BatchSize).ToListAsync(cancellationToken);
        var submitted = 0;
        foreach (var refund in pending)
        {
            try
            {
                await provider.RefundAsync(new PaymentRefundRequest(refund.Reference, refund.AccountNumber, refund.Amount), cancellationToken);
                submitted += await db.PaymentRefunds.Where(r => r.Reference == refund.Reference && r.SubmittedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedAt, clock.GetUtcNow()), cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or DbUpdateException or Npgsql.NpgsqlException)
            {
                // Handed over again later: the provider takes a reference once, so a refund it took but we did not mark is not sent twice.
                logger.LogWarning("Refund {Reference} not handed to the provider yet ({Error}); it is tried again", refund.Reference, e.Message);
            }
        }

        return submitted;
    }
}

using System.Security.Cryptography;
using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Payments;

/// <summary>Money the provider sends back into the virtual account it came from; the same reference twice is one refund.</summary>
public sealed record PaymentRefundRequest(string Reference, string AccountNumber, Rupiah Amount);

/// <summary>
/// The boundary to a payment gateway shaped like Indonesia's (Midtrans, Xendit): it opens a virtual account per order, and
/// later reports the transfer through a signed callback (<see cref="PaymentCallbacks"/>).
/// </summary>
public interface IPaymentProvider
{
    Task<VirtualAccount> OpenVirtualAccountAsync(string orderNumber, Rupiah amount, DateTimeOffset payBy, CancellationToken cancellationToken);

    /// <summary>Hands a refund over. Idempotent by reference, so a retry after a lost answer refunds nothing twice.</summary>
    Task RefundAsync(PaymentRefundRequest request, CancellationToken cancellationToken);
}

/// <summary>A refund the sandbox provider accepted, by its reference.</summary>
public sealed class SandboxPaymentRefund
{
    public SandboxPaymentRefund(string reference, string accountNumber, Rupiah amount, DateTimeOffset acceptedAt)
    {
        Reference = reference;
        AccountNumber = accountNumber;
        Amount = amount;
        AcceptedAt = acceptedAt;
    }

    public string Reference { get; private set; }

    public string AccountNumber { get; private set; }

    public Rupiah Amount { get; private set; }

    public DateTimeOffset AcceptedAt { get; private set; }
}

/// <summary>
/// The gateway inside the app for development and tests: it numbers accounts the way banks do (company prefix and digits),
/// and keeps the refunds it accepted in PostgreSQL, so every node answers alike.
/// </summary>
public sealed class SandboxPaymentProvider(MarketplaceDbContext db, TimeProvider clock, IOptions<PaymentOptions> options) : IPaymentProvider
{
    private const string CompanyPrefix = "8808";

    public Task<VirtualAccount> OpenVirtualAccountAsync(string orderNumber, Rupiah amount, DateTimeOffset payBy, CancellationToken cancellationToken) =>
        Task.FromResult(new VirtualAccount(options.Value.Bank, CompanyPrefix + RandomNumberGenerator.GetString("0123456789", 12), payBy));

    public async Task RefundAsync(PaymentRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sandbox_payment_refunds (reference, account_number, amount_idr, accepted_at)
            VALUES ({request.Reference}, {request.AccountNumber}, {request.Amount.Amount}, {clock.GetUtcNow()})
            ON CONFLICT (reference) DO NOTHING
            """, cancellationToken);
    }
}

using System.Security.Cryptography;
using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Payments;

/// <summary>
/// The boundary to a payment gateway shaped like Indonesia's (Midtrans, Xendit): it opens a virtual account per order, and
/// later reports the transfer through a signed callback (<see cref="PaymentCallbacks"/>).
/// </summary>
public interface IPaymentProvider
{
    Task<VirtualAccount> OpenVirtualAccountAsync(string orderNumber, Rupiah amount, DateTimeOffset payBy, CancellationToken cancellationToken);
}

/// <summary>The gateway inside the app for development and tests: it numbers accounts the way banks do (company prefix and digits).</summary>
public sealed class SandboxPaymentProvider(IOptions<PaymentOptions> options) : IPaymentProvider
{
    private const string CompanyPrefix = "8808";

    public Task<VirtualAccount> OpenVirtualAccountAsync(string orderNumber, Rupiah amount, DateTimeOffset payBy, CancellationToken cancellationToken) =>
        Task.FromResult(new VirtualAccount(options.Value.Bank, CompanyPrefix + RandomNumberGenerator.GetString("0123456789", 12), payBy));
}

using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Payments;

/// <summary>
/// "Simulate payment" for development and tests: it builds the callback the provider would send for the shopper's own
/// unpaid order, signs it with the shared secret and hands it to the same receiver, so the whole verified path runs.
/// </summary>
public sealed class SandboxPayments(MarketplaceDbContext db, PaymentCallbacks callbacks, TimeProvider clock, IOptions<PaymentOptions> options)
{
    public bool Enabled => options.Value.Sandbox;

    /// <summary>Null when the sandbox is off or the order is not this shopper's.</summary>
    public async Task<CallbackOutcome?> PayAsync(string shopperUserId, string orderNumber, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return null;
        }

        var order = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Number == orderNumber && o.ShopperUserId == shopperUserId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var (body, signature) = PaymentCallbacks.SignCallback(PaymentCallbacks.PaidEvent(order, clock.GetUtcNow()), options.Value.CallbackSecret);
        return await callbacks.ReceiveAsync(body, signature, cancellationToken);
    }
}

using System.Net;
using System.Text;
using Marketplace.Domain.Orders;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Sellers;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Payments;

/// <summary>A shopper's bank transfer order and the provider's callbacks about it, as the gateway would post them.</summary>
public sealed class PaymentJourney(MarketplaceApp app)
{
    public const string Secret = "sandbox-callback-secret-testing";

    public SellerPortal Portal { get; } = new(app);

    public async Task<(HttpClient Shopper, string Number)> BankTransferOrderAsync(long listingId, int quantity = 1)
    {
        var (_, shopper) = await Portal.ShopperAsync();
        await shopper.AddToCartAsync(listingId, quantity);
        var address = Shopping.Address();
        address["Input.PaymentMethod"] = "BankTransfer";
        using var placed = await shopper.CheckOutAsync(address);
        placed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return (shopper, placed.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public Task<Order> OrderAsync(string number) =>
        Portal.Scenario.WithDbAsync(db => db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Number == number));

    public async Task<HttpResponseMessage> PostCallbackAsync(string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PaymentServices.CallbackPath) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(PaymentSignature.Header, signature);
        return await app.CreateClient().SendAsync(request);
    }

    public Task<HttpResponseMessage> PostCallbackAsync(PaymentCallbackBody message)
    {
        var (body, signature) = PaymentCallbacks.SignCallback(message, Secret);
        return PostCallbackAsync(body, signature);
    }

    public async Task<int> ExpireDueAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UnpaidOrderExpiry>().ExpireDueAsync(CancellationToken.None);
    }
}

using System.Globalization;
using System.Net;
using Marketplace.Domain.Money;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Features.AfterDelivery;
using Marketplace.Web.Features.Shipping;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Sellers;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Money;

/// <summary>
/// A seller's own word never releases escrow: a parcel booked with the courier is delivered only by the courier's signed
/// tracking webhook, and a part the seller shipped by hand is released by the shopper's "Pesanan diterima" or long after shipping.
/// </summary>
public sealed class DeliveryClaimTests(MoneyFixture fixture) : IClassFixture<MoneyFixture>
{
    private readonly MoneyWorld _world = new(fixture.App, fixture.Clock);

    [Fact]
    public async Task A_seller_cannot_mark_a_courier_booked_parcel_delivered_and_its_escrow_waits_for_the_couriers_delivered_event()
    {
        var (sellerId, listing, seller) = await _world.SignedInSellerAsync();
        var order = await _world.OrderAsync(await _world.ShopperAsync(), PaymentMethod.BankTransfer, (listing, 1));
        await _world.PayAsync(order);
        var resi = await _world.BookAsync(order, sellerId);
        (await _world.TrackAsync(resi, TrackingStage.PickedUp)).Should().Be(TrackingOutcome.Applied);
        var line = order.Lines.Single().Id;

        var page = await seller.GetDocumentAsync($"/Seller/Orders/{order.Number}");
        page.QuerySelector("input[name=move][value=Deliver]").Should().BeNull("a booked parcel moves by the courier's tracking only");
        using (var forged = await MoveAsync(seller, order.Number, line, "Deliver"))
        {
            forged.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        (await StatusAsync(line)).Should().Be(OrderLineStatus.Shipped);
        (await seller.GetDocumentAsync($"/Seller/Orders/{order.Number}")).QuerySelector(".alert-warning")!.TextContent.Should().Contain("pelacakan kurir");

        fixture.Clock.Advance(TimeSpan.FromDays(4));
        await ReleaseDueAsync();
        (await _world.BalanceAsync(LedgerAccount.SellerBalance(sellerId))).Should().Be(0, "no courier said the parcel arrived");

        (await _world.TrackAsync(resi, TrackingStage.Delivered)).Should().Be(TrackingOutcome.Applied);
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        await ReleaseDueAsync();
        (await _world.BalanceAsync(LedgerAccount.SellerBalance(sellerId))).Should().BePositive();
        await _world.AssertBooksBalanceAsync("the courier delivered");
    }

    [Fact]
    public async Task A_part_shipped_by_hand_that_the_seller_calls_delivered_is_released_only_long_after_shipping_or_by_the_shopper()
    {
        var (sellerId, listing, seller) = await _world.SignedInSellerAsync();
        var shopper = await _world.ShopperAsync();
        var waited = await _world.OrderShippedByHandAsync(shopper, (listing, 1));
        var confirmed = await _world.OrderShippedByHandAsync(shopper, (listing, 1));
        var shippedAt = fixture.Clock.GetUtcNow();
        foreach (var order in new[] { waited, confirmed })
        {
            await _world.PayAsync(order);
            var line = order.Lines.Single().Id;
            foreach (var move in new[] { "Pack", "Ship", "Deliver" })
            {
                (await MoveAsync(seller, order.Number, line, move)).Dispose();
            }

            (await StatusAsync(line)).Should().Be(OrderLineStatus.Delivered, "a seller without a booked courier says when the parcel arrived");
        }

        fixture.Clock.Advance(TimeSpan.FromDays(4));
        await ReleaseDueAsync();
        (await EscrowAsync(confirmed)).Should().BePositive("three days after the seller's own claim are not enough");
        (await _world.WithAsync<PartReceipts, bool>(r => r.ConfirmAsync(shopper, confirmed.Number, sellerId, CancellationToken.None))).Should().BeTrue();
        (await EscrowAsync(confirmed)).Should().Be(0, "the shopper's \"Pesanan diterima\" releases at once");
        (await EscrowAsync(waited)).Should().BePositive();
        var receipt = (await _world.WithAsync<PartReceipts, IReadOnlyList<PartReceipt>>(r => r.ForOrderAsync(shopper, waited.Number, CancellationToken.None))).Single();
        receipt.AutoReleaseAt.Should().Be(shippedAt.AddDays(14), "counted from shipping");

        fixture.Clock.Advance(TimeSpan.FromDays(10));
        await ReleaseDueAsync();
        (await EscrowAsync(waited)).Should().Be(0, "released 14 days after shipping");
        await _world.AssertBooksBalanceAsync("released long after shipping");
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, string number, long line, string move)
    {
        var fields = new Dictionary<string, string> { ["lineId"] = line.ToString(CultureInfo.InvariantCulture), ["move"] = move };
        if (move == "Ship")
        {
            fields["courier"] = "JNE";
            fields["trackingNumber"] = "JNE-" + line.ToString("D10", CultureInfo.InvariantCulture);
        }

        return SellerPortal.PostWithTokenAsync(client, $"/Seller/Orders/{number}", $"/Seller/Orders/{number}", fields);
    }

    /// <summary>The release sweep, run here rather than waited for; the site's own job may come by on the advanced clock as well.</summary>
    private Task<int> ReleaseDueAsync() => _world.WithAsync<AfterDeliverySweeps, int>(s => s.ReleaseDueAsync(CancellationToken.None));

    private Task<long> EscrowAsync(Order order) => _world.BalanceAsync(LedgerAccount.Escrow(order.Id, order.Lines.Single().SellerId));

    private Task<OrderLineStatus> StatusAsync(long line) =>
        _world.Portal.Scenario.WithDbAsync(db => db.OrderLines.Where(l => l.Id == line).Select(l => l.Status).SingleAsync());
}

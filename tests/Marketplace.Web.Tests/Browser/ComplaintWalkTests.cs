using Marketplace.Domain;
using Marketplace.Domain.Money;

namespace Marketplace.Web.Tests.Browser;

/// <summary>
/// The second walk of money and parcels at 390 px: a delivered order, "Ajukan komplain" with a photo within the 2 days,
/// the seller accepts it, the shopper sees the refund and the seller's balance never gets the money; the admins'
/// reconciliation balances. Every step leaves a screenshot (walk-complaint-*).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ComplaintWalkTests(WalkFixture fixture) : IClassFixture<WalkFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        fixture.Csp.Seen.Should().BeEmpty("the pages run under the Content-Security-Policy without a violation");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_shopper_complains_about_a_delivered_order_with_a_photo_the_seller_accepts_and_the_refund_goes_to_the_shopper()
    {
        var walk = new Walk(fixture, "walk-complaint");
        var firstDay = Wib.DayOf(fixture.Clock.GetUtcNow());
        var shop = await walk.ShopAsync("Tas Anyaman Pandan");
        var shopper = await walk.ShopperAsync();

        await walk.CheckOutWithAnotherCourierAsync(shopper, shop);
        var number = await walk.PlaceAndPayAsync(shopper);
        var seller = await walk.PersonAsync(shop.Email);
        await walk.BookCourierAsync(seller, number, null);
        await walk.TrackUntilDeliveredAsync(seller, number);

        await walk.ComplainWithPhotoAsync(shopper, number, shop);
        await walk.AcceptComplaintAsync(seller, number);
        await walk.SeeRefundAsync(shopper, number);
        await walk.SeeBalanceAsync(seller, pending: Rupiah.Zero, available: Rupiah.Zero, step: "saldo-after-refund");

        (await walk.LedgerBalanceAsync(LedgerAccount.SellerBalance(shop.SellerId))).Should().Be(0, "the refunded money never reaches the seller");
        (await walk.LedgerBalanceAsync(LedgerAccount.Escrow(await walk.OrderIdAsync(number), shop.SellerId))).Should().Be(0, "the escrow went back to the shopper");
        await walk.ReconciliationBalancesAsync(firstDay);
    }

}

using System.Net;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Payments;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Catalog;

public sealed class SoldCountTests(SoldCountTests.Fixture fixture) : IClassFixture<SoldCountTests.Fixture>
{
    private readonly PaymentJourney _journey = new(fixture.App);

    [Fact]
    public async Task Units_count_as_sold_when_paid_or_sent_cash_on_delivery_and_no_longer_when_the_seller_cancels()
    {
        var (sellerId, seller) = await _journey.Portal.SellerAsync(SellerOrigin.Local);
        var listing = await _journey.Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Toraja Sapan");

        var (_, unpaid) = await _journey.BankTransferOrderAsync(listing, 2);
        (await SoldAsync(listing)).Should().Be(0, "an unpaid transfer is not a sale yet");
        (await ProductPageAsync(listing)).QuerySelector(".product-stats .sold").Should().BeNull();

        var order = await _journey.OrderAsync(unpaid);
        using (var paid = await _journey.PostCallbackAsync(PaymentCallbacks.PaidEvent(order, fixture.Clock.GetUtcNow())))
        {
            paid.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await SoldAsync(listing)).Should().Be(2);
        var (_, shopper) = await _journey.Portal.ShopperAsync();
        await shopper.AddToCartAsync(listing, 3);
        using (var cod = await shopper.CheckOutAsync())
        {
            cod.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        (await SoldAsync(listing)).Should().Be(5, "cash on delivery goes to the seller at once");
        (await ProductPageAsync(listing)).Text(".product-stats .sold").Should().Be("5 terjual");
        var results = await fixture.App.CreateBrowserClient().GetDocumentAsync("/Search?q=Sapan");
        var card = results.QuerySelectorAll(".listing-card").Single(c => c.QuerySelector($"a[href='/p/{listing}']") is not null);
        card.QuerySelector(".sold")!.TextContent.Should().Be("5 terjual");

        var codLine = await _journey.Portal.Scenario.WithDbAsync(db => db.OrderLines.Where(l => l.ListingId == listing).OrderByDescending(l => l.Id).Select(l => l.Id).FirstAsync());
        using (var cancelled = await SellerPortal.PostWithTokenAsync(seller, "/Seller/Listings/Edit", "/Seller/Orders", new Dictionary<string, string>
        {
            ["lineId"] = codLine.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["move"] = "Cancel",
        }))
        {
            cancelled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        (await SoldAsync(listing)).Should().Be(2, "a cancelled line is not a sale");
    }

    private Task<int> SoldAsync(long listing) =>
        _journey.Portal.Scenario.WithDbAsync(db => db.Listings.Where(l => l.Id == listing).Select(l => l.SoldCount).SingleAsync());

    private Task<AngleSharp.Html.Dom.IHtmlDocument> ProductPageAsync(long listing) =>
        fixture.App.CreateBrowserClient().GetDocumentAsync($"/p/{listing}");

    public sealed class Fixture : SellerPortalFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;
    }
}

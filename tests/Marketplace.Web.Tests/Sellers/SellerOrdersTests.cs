using System.Net;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

public sealed class SellerOrdersTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task A_seller_packs_ships_with_tracking_and_delivers_a_line_and_sees_who_did_each_step()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var listing = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Toraja");
        var order = await _portal.OrderAsync((listing, 2));
        var line = order.Lines.Single().Id;

        await MoveAsync(client, line, "Pack");
        using (var noTracking = await MoveAsync(client, line, "Ship", tracking: "x"))
        {
            noTracking.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        (await StatusAsync(line)).Should().Be(OrderLineStatus.Packed, "a refused tracking number moves nothing");
        (await client.GetDocumentAsync("/Seller/Orders")).QuerySelector(".alert-warning")!.TextContent.Should().Contain("Nomor resi");
        await MoveAsync(client, line, "Ship", tracking: "JNE-0123456789");
        await MoveAsync(client, line, "Deliver");

        var row = (await client.GetDocumentAsync("/Seller/Orders")).QuerySelector($"tr[data-line='{line}']")!;
        row.GetAttribute("data-status").Should().Be("Delivered");
        row.TextContent.Should().Contain(order.Number).And.Contain("JNE-0123456789").And.Contain("Rp 500.000");
        var history = row.QuerySelectorAll(".history li").Select(li => li.TextContent).ToList();
        history.Should().HaveCount(3);
        history[0].Should().Contain("Baru → Dikemas").And.Contain("@example.id");
        history[2].Should().Contain("Dikirim → Diterima");
    }

    [Fact]
    public async Task Cancelling_a_new_line_restocks_the_listing_and_the_dashboard_counts_orders_and_revenue()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var coffee = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Gayo");
        var basket = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Rattan, "Keranjang Rotan");
        var order = await _portal.OrderAsync((coffee, 3), (basket, 1));
        var stockBefore = (await _portal.ListingAsync(coffee))!.Stock;

        await MoveAsync(client, order.Lines.First(l => l.ListingId == coffee).Id, "Cancel");

        (await _portal.ListingAsync(coffee))!.Stock.Should().Be(stockBefore + 3);
        var home = await client.GetDocumentAsync("/Seller");
        home.QuerySelector("[data-count='orders-to-handle']")!.TextContent.Trim().Should().Be("1");
        var bars = home.QuerySelectorAll("#revenue-chart rect[data-amount]").ToList();
        bars.Should().HaveCount(30);
        bars.Sum(b => long.Parse(b.GetAttribute("data-amount")!, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(250_000, "the cancelled line does not count");
        home.QuerySelector("#revenue")!.TextContent.Should().Contain("Rp 250.000");
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, long line, string move, string? tracking = null)
    {
        var fields = new Dictionary<string, string> { ["lineId"] = line.ToString(System.Globalization.CultureInfo.InvariantCulture), ["move"] = move };
        if (tracking is not null)
        {
            fields["courier"] = "JNE";
            fields["trackingNumber"] = tracking;
        }

        return SellerPortal.PostWithTokenAsync(client, "/Seller/Listings/Edit", "/Seller/Orders", fields);
    }

    private Task<OrderLineStatus> StatusAsync(long line) =>
        _portal.Scenario.WithDbAsync(db => db.OrderLines.Where(l => l.Id == line).Select(l => l.Status).SingleAsync());
}

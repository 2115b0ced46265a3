using System.Net;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Payments;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Storefront;

namespace Marketplace.Web.Tests.Sellers;

public sealed class ShippingTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly PaymentJourney _journey = new(fixture.App);

    private SellerPortal Portal => _journey.Portal;

    [Fact]
    public async Task The_seller_sees_where_to_send_prints_a_label_and_ships_with_a_courier_the_shopper_then_sees()
    {
        var (sellerId, seller) = await Portal.SellerAsync(SellerOrigin.Local);
        var listing = await Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Gayo Wine");
        var (shopper, number) = await _journey.BankTransferOrderAsync(listing, 2);
        using (var unpaid = await seller.GetAsync($"/Seller/Orders/{number}/Label"))
        {
            unpaid.StatusCode.Should().Be(HttpStatusCode.NotFound, "an unpaid order is not the seller's yet");
        }

        using var paid = await shopper.SubmitFormAsync($"/Orders/{number}", new Dictionary<string, string>(), "form.sandbox-pay");
        var detail = await seller.GetDocumentAsync($"/Seller/Orders/{number}");
        var label = await seller.GetDocumentAsync($"/Seller/Orders/{number}/Label");
        var line = detail.QuerySelector(".seller-order-lines li")!.GetAttribute("data-line")!;
        await seller.SubmitFormAsync($"/Seller/Orders/{number}", new Dictionary<string, string>(), $"li[data-line='{line}'] form");
        using var shipped = await seller.SubmitFormAsync(
            $"/Seller/Orders/{number}", new Dictionary<string, string> { ["courier"] = "SiCepat", ["trackingNumber"] = "SCP-0042424242" }, "form.ship-form");

        detail.Text(".recipient").Should().Contain("Siti Rahayu").And.Contain("0812-3456-7890").And.Contain("Jl. Malioboro 12").And.Contain("DI Yogyakarta");
        detail.Text(".postal-code").Should().Be("55271");
        detail.Text(".seller-order-lines").Should().Contain("Kopi Bubuk Gayo Wine").And.Contain("Rp 500.000");
        label.Text(".label-number").Should().Be(number);
        label.Text(".label-postal").Should().Be("55271");
        label.QuerySelector(".label-code svg").Should().NotBeNull("the order number is drawn as a QR code on the server");
        shipped.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await seller.GetDocumentAsync(shipped.Headers.Location!.OriginalString)).Text("#done").Should().Contain("nomor resi");
        var seen = await shopper.GetDocumentAsync($"/Orders/{number}");
        seen.Text(".tracking").Should().Be("Dikirim dengan SiCepat, nomor resi SCP-0042424242");
        seen.Text(".order-stage").Should().Be("Dikirim");
    }

    [Fact]
    public async Task Another_shops_order_detail_and_label_are_not_found()
    {
        var (sellerId, _) = await Portal.SellerAsync(SellerOrigin.Local);
        var (_, otherShop) = await Portal.SellerAsync(SellerOrigin.Local);
        var listing = await Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Lintong");
        var order = await Portal.OrderAsync((listing, 1));

        using var label = await otherShop.GetAsync($"/Seller/Orders/{order.Number}/Label");
        using var detail = await otherShop.GetAsync($"/Seller/Orders/{order.Number}");

        label.StatusCode.Should().Be(HttpStatusCode.NotFound);
        detail.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

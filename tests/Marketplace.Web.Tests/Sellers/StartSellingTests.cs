using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Sellers;

public sealed class StartSellingTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task A_signed_in_shopper_without_a_shop_finds_Mulai_Berjualan_in_the_header_and_a_seller_does_not()
    {
        var (_, shopper) = await _portal.ShopperAsync();
        var (_, seller) = await _portal.SellerAsync(SellerOrigin.Local);

        var link = (await shopper.GetDocumentAsync("/")).QuerySelector("header a.start-selling")!;
        var sellersHeader = await seller.GetDocumentAsync("/");

        link.TextContent.Trim().Should().Be("Mulai Berjualan");
        link.GetAttribute("href").Should().Be("/OpenShop");
        (await shopper.GetDocumentAsync("/OpenShop")).QuerySelector("main form[method=post]").Should().NotBeNull();
        sellersHeader.QuerySelector("header a.start-selling").Should().BeNull();
    }
}

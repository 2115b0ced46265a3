using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>Closes a cluster, so it has a database of its own: other classes' listings in that cluster would be refused.</summary>
public sealed class ListingTakeDownTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task A_listing_taken_down_by_a_cluster_closure_shows_why_and_since_when_in_the_form_and_the_table()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var id = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Smartphones, "Smartphone Lipat 256 GB", ProductOrigin.Imported);
        var electronics = await _portal.Scenario.ClusterIdAsync(Marketplace.Web.Data.Seed.ReferenceCatalog.Electronics);
        await _portal.Scenario.RulesAsync(r => r.BlockClusterAsync(electronics, null, "Uji", "admin"));

        var status = (await client.GetDocumentAsync($"/Seller/Listings/Edit/{id}")).QuerySelector("#listing-status")!;
        var row = (await client.GetDocumentAsync("/Seller/Listings?State=Suspended")).QuerySelector($"tr[data-listing='{id}']")!;

        status.GetAttribute("data-state").Should().Be("Suspended");
        status.TextContent.Should().Contain("Diturunkan").And.Contain("oleh kebijakan impor").And.Contain("Klaster Elektronik ditutup untuk penjualan lintas negara");
        status.QuerySelector("time")!.GetAttribute("datetime").Should().NotBeNullOrEmpty();
        row.TextContent.Should().Contain("Diturunkan").And.Contain("Sejak");
    }
}

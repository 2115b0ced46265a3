using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Policy;

public sealed class SellerSeesWhyTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    private HashSet<int> _closedClusters = [];

    public async Task InitializeAsync() => _closedClusters = await _scenario.ClosedClustersAsync();

    public Task DisposeAsync() => _scenario.RestoreClustersAsync(_closedClusters);

    [Fact]
    public async Task A_seller_reads_the_rule_the_cluster_and_the_time_behind_a_take_down_in_their_language_and_is_notified()
    {
        var (seller, email) = await _scenario.CreateSellerWithLoginAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await _scenario.CreatePublishedAsync(seller, "kipas-angin", "Kipas Angin Berdiri 16 inci", ProductOrigin.Imported);
        var rejected = await _scenario.CreateDraftAsync(seller, PolicyScenario.Textile, "Kain Batik Printing Impor", origin: ProductOrigin.Imported);
        await _scenario.PublishAsync(rejected);
        var electronics = await _scenario.ClusterIdAsync(ReferenceCatalog.Electronics);
        await _scenario.RulesAsync(r => r.BlockClusterAsync(electronics, null, "Uji alasan", "admin"));
        var client = await TestUsers.SignedInClientAsync(fixture.App, email);

        var page = await client.GetDocumentAsync("/Seller");

        var suspendedRow = page.QuerySelector($"tr[data-listing='{listing}']")!;
        suspendedRow.TextContent.Should().Contain("Diturunkan").And.Contain("oleh kebijakan impor")
            .And.Contain("Klaster Elektronik ditutup untuk penjualan lintas negara").And.Contain("Klaster: Elektronik");
        suspendedRow.QuerySelector("time")!.GetAttribute("datetime").Should().NotBeNullOrEmpty();
        page.QuerySelector($"tr[data-listing='{rejected}']")!.TextContent.Should().Contain("Ditolak").And.Contain("Tekstil & Fesyen");
        page.QuerySelector("#notifications")!.ParentElement!.ParentElement!.TextContent
            .Should().Contain("1 produk Anda diturunkan dari etalase");

        using var english = await client.SubmitFormAsync("/Seller", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/Seller" }, "header form[action='/Language']");
        var englishPage = await client.GetDocumentAsync("/Seller");

        englishPage.QuerySelector($"tr[data-listing='{listing}']")!.TextContent
            .Should().Contain("Suspended").And.Contain("The Electronics cluster is closed to cross-border sales").And.Contain("Cluster: Electronics");
    }

    [Fact]
    public async Task A_seller_never_sees_another_sellers_notices()
    {
        var (_, email) = await _scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
        var other = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var hidden = await _scenario.CreateDraftAsync(other, PolicyScenario.Coffee, "Kopi Rahasia Orang Lain", origin: ProductOrigin.Imported);
        await _scenario.PublishAsync(hidden);
        var client = await TestUsers.SignedInClientAsync(fixture.App, email);

        var page = await client.GetStringAsync("/Seller");

        page.Should().NotContain("Kopi Rahasia Orang Lain");
    }
}

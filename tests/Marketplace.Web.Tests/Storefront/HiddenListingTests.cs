using System.Net;
using Marketplace.Domain.Listings;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Storefront;

/// <summary>A listing the policy would not show now appears nowhere, whatever state its row is in.</summary>
public sealed class HiddenListingTests(HiddenListingTests.Fixture fixture) : IClassFixture<HiddenListingTests.Fixture>, IAsyncLifetime
{
    private MarketplaceApp App => fixture.App;

    private HashSet<int> _closedClusters = [];

    public async Task InitializeAsync() => _closedClusters = await Scenario.ClosedClustersAsync();

    public Task DisposeAsync() => Scenario.RestoreClustersAsync(_closedClusters);

    private StorefrontData Data => new(App);

    private PolicyScenario Scenario => new(App);

    [Fact]
    public async Task Cross_border_listing_in_a_cluster_closed_after_publishing_appears_nowhere()
    {
        var abroad = await Data.SellerAsync("mainan-global", "Mainan Global", "Guangdong", "Shantou", "CN");
        var local = await Data.SellerAsync("mainan-kayu-jogja", "Mainan Kayu Jogja", "DI Yogyakarta", "Bantul");
        var hidden = await Data.ListingAsync(abroad, "mainan-remote", "Robot Transformasi Remote", 320_000, stock: 4);
        var shown = await Data.ListingAsync(local, "mainan-remote", "Robot Kayu Remote", 150_000, stock: 4);
        var anonymous = App.CreateBrowserClient();
        await anonymous.AddToCartAsync(hidden);
        await TestUsers.CreateAsync(App, "pembeli.mainan@example.id", Roles.Shopper);
        var shopper = await TestUsers.SignedInClientAsync(App, "pembeli.mainan@example.id");
        await shopper.AddToCartAsync(hidden);
        await shopper.AddToCartAsync(shown);

        await Data.BlockClusterAsync("TOYS");

        (await Data.WithDbAsync(db => db.Listings.Where(l => l.Id == hidden).Select(l => l.State).SingleAsync()))
            .Should().Be(ListingState.Published, "the row is untouched; only the visibility predicate hides it");
        (await anonymous.ListingIdsAsync("/Search?q=robot")).Should().Equal(shown);
        (await anonymous.ListingIdsAsync("/c/mainan-remote")).Should().Equal(shown);
        (await anonymous.ListingIdsAsync("/c/mainan-hobi?sort=price-desc")).Should().Equal(shown);
        (await anonymous.ListingIdsAsync("/")).Should().NotContain(hidden);
        (await anonymous.ListingIdsAsync($"/p/{shown}")).Should().BeEmpty("the only other listing in the category is hidden");
        (await anonymous.GetAsync($"/p/{hidden}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.ListingIdsAsync("/s/mainan-global")).Should().BeEmpty();
        (await anonymous.PostAddToCartAsync(hidden)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var cartPage = await anonymous.GetDocumentAsync("/Cart");
        (await anonymous.CartAsync()).Should().Equal(new CartLineSeen(hidden, "Unavailable", null, false));
        cartPage.Text("main").Should().NotContain("Robot Transformasi").And.NotContain("Rp 320.000");
        cartPage.QuerySelector("a[href='/Checkout']").Should().BeNull();

        using var placed = await shopper.CheckOutAsync();
        placed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var number = placed.Headers.Location!.OriginalString.Split('/')[^1];
        var ordered = await Data.WithDbAsync(db => db.OrderLines.Where(l => db.Orders.Any(o => o.Id == l.OrderId && o.Number == number)).Select(l => l.ListingId).ToListAsync());
        ordered.Should().Equal(shown);
        (await shopper.CartAsync()).Should().Equal(new CartLineSeen(hidden, "Unavailable", null, false));
        (await Data.WithDbAsync(db => db.Listings.Where(l => l.Id == hidden).Select(l => l.Stock).SingleAsync())).Should().Be(4);
    }

    [Fact]
    public async Task Suspended_sellers_shop_and_listings_disappear()
    {
        var seller = await Data.SellerAsync("tenun-bermasalah", "Tenun Bermasalah", "Nusa Tenggara Timur", "Kupang");
        var listing = await Data.ListingAsync(seller, "tenun-ikat", "Selendang Tenun Ikat Kupang", 275_000);
        var client = App.CreateBrowserClient();
        (await client.ListingIdsAsync("/Search?q=kupang")).Should().Equal(listing);

        await Data.SuspendSellerAsync(seller);

        (await client.ListingIdsAsync("/Search?q=kupang")).Should().BeEmpty();
        (await client.ListingIdsAsync("/c/tenun-ikat")).Should().BeEmpty();
        (await client.GetAsync($"/p/{listing}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/s/tenun-bermasalah")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cross_border_listing_refused_by_the_policy_is_never_shown()
    {
        var seller = await Data.SellerAsync("batik-impor", "Batik Impor", "Jiangsu", "Suzhou", "CN");
        var (listing, state) = await Data.TryPublishAsync(seller, "batik-printing", "Kain Motif Batik Printing", 40_000, 100, ProductOrigin.Imported, null, string.Empty, TimeSpan.FromMinutes(1));
        var client = App.CreateBrowserClient();

        state.Should().Be(ListingState.Rejected);
        (await client.ListingIdsAsync("/Search?q=batik")).Should().NotContain(listing);
        (await client.GetAsync($"/p/{listing}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.ListingIdsAsync("/s/batik-impor")).Should().BeEmpty();
    }

    public sealed class Fixture : AppFixture;
}

using Marketplace.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Storefront;

/// <summary>A stale ranking is served at once while it is ranked again off the request; one nobody asked for in a while is ranked first.</summary>
public sealed class SearchRerankingTests(SearchRerankingTests.Fixture fixture) : IClassFixture<SearchRerankingTests.Fixture>
{
    private MarketplaceApp App => fixture.App;

    private StorefrontData Data => new(App);

    [Fact]
    public async Task A_stale_ranking_is_shown_without_waiting_and_ranked_again_in_the_background()
    {
        var shop = await Data.SellerAsync("anyaman-tasik", "Anyaman Tasik", "Jawa Barat", "Tasikmalaya");
        var first = await Data.ListingAsync(shop, "anyaman-pandan", "Tas Anyaman Mendong", 95_000);
        var client = App.CreateBrowserClient();
        (await client.ListingIdsAsync("/Search?q=mendong")).Should().Equal(first);

        var later = await Data.ListingAsync(shop, "anyaman-pandan", "Dompet Anyaman Mendong", 45_000);
        (await client.ListingIdsAsync("/Search?q=mendong")).Should().Equal([first], "the ranking is fresh for 10 seconds");

        fixture.Clock.Advance(TimeSpan.FromSeconds(11));
        (await client.ListingIdsAsync("/Search?q=mendong")).Should().Equal([first], "a stale order is shown while it is ranked again, not waited for");
        (await Eventually.WaitForAsync(() => client.ListingIdsAsync("/Search?q=mendong"), ids => ids.Count == 2, "the search ranked again"))
            .Should().BeEquivalentTo([first, later]);
    }

    [Fact]
    public async Task A_search_nobody_asked_for_in_ten_minutes_is_ranked_before_its_page_is_shown()
    {
        var shop = await Data.SellerAsync("kopi-toraja", "Kopi Toraja Sapan", "Sulawesi Selatan", "Tana Toraja");
        var first = await Data.ListingAsync(shop, "kopi-bubuk", "Kopi Sapan Sangrai", 80_000);
        var client = App.CreateBrowserClient();
        (await client.ListingIdsAsync("/Search?q=sapan")).Should().Equal(first);

        var later = await Data.ListingAsync(shop, "kopi-bubuk", "Kopi Sapan Biji", 90_000);
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));

        (await client.ListingIdsAsync("/Search?q=sapan")).Should().BeEquivalentTo([first, later], "an order nobody asked for in 10 minutes is not shown stale");
    }

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Search:RankingSeconds"] = "10",
        };
    }
}

using Marketplace.Domain.Listings;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Storefront;

/// <summary>Ranked ids are cached per search, but every request re-reads them through the visibility predicate.</summary>
public sealed class SearchRankingCacheTests(SearchRankingCacheTests.Fixture fixture) : IClassFixture<SearchRankingCacheTests.Fixture>
{
    private MarketplaceApp App => fixture.App;

    private StorefrontData Data => new(App);

    [Fact]
    public async Task A_listing_blocked_between_two_identical_searches_is_absent_from_the_second_even_from_the_cache()
    {
        var abroad = await Data.SellerAsync("boneka-global", "Boneka Global", "Guangdong", "Shantou", "CN");
        var local = await Data.SellerAsync("boneka-kain-solo", "Boneka Kain Solo", "Jawa Tengah", "Surakarta");
        var blocked = await Data.ListingAsync(abroad, "mainan-remote", "Boneka Robot Remote", 320_000);
        var shown = await Data.ListingAsync(local, "mainan-remote", "Boneka Kain Remote", 150_000);
        var client = App.CreateBrowserClient();

        (await client.ListingIdsAsync("/Search?q=boneka")).Should().BeEquivalentTo([blocked, shown]);
        var cached = await RankingAsync();

        await Data.BlockClusterAsync("TOYS");

        (await Data.WithDbAsync(db => db.Listings.Where(l => l.Id == blocked).Select(l => l.State).SingleAsync()))
            .Should().Be(ListingState.Published, "only the visibility predicate hides it");
        (await client.ListingIdsAsync("/Search?q=boneka")).Should().Equal(shown);
        (await RankingAsync()).Should().BeEquivalentTo(cached, "the second search used the cached ranking, which still holds the blocked listing");
        cached.ListingIds.Should().Contain(blocked);
    }

    private Task<(long[] ListingIds, DateTimeOffset RankedAt)> RankingAsync() => Data.WithDbAsync(async db =>
    {
        var ranking = await db.SearchRankings.AsNoTracking().SingleAsync(r => r.Key.EndsWith("?q=boneka"));
        return (ranking.ListingIds, ranking.RankedAt);
    });

    public sealed class Fixture : AppFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Search:RankingSeconds"] = "3600" };
    }
}

using Marketplace.Web.Features.Storefront;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Storefront;

/// <summary>Listings written before search read text as the screening does are refolded by the C# rules after migrating.</summary>
public sealed class SearchRefoldTests(SearchRefoldTests.Fixture fixture) : IClassFixture<SearchRefoldTests.Fixture>
{
    private StorefrontData Data => new(fixture.App);

    [Fact]
    public async Task A_queued_listing_folded_the_old_way_is_found_by_the_plain_word_after_the_refold()
    {
        var shop = await Data.SellerAsync("tenun-lama", "Tenun Lama", "Jawa Tengah", "Surakarta");
        var spelled = await Data.ListingAsync(shop, "batik-tulis", "Sarung B A T I K Lawas", 150_000);
        var untouched = await Data.ListingAsync(shop, "batik-tulis", "Sarung Tenun Lawas", 120_000);
        // As the previous folding left the row: letters kept apart, and both rows queued as the migration queues every listing.
        await Data.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE listings SET search_title = 'sarung b a t i k lawas' WHERE id = {spelled}");
            return await db.Database.ExecuteSqlAsync($"INSERT INTO search_refolds (listing_id) VALUES ({spelled}), ({untouched})");
        });
        var client = fixture.App.CreateBrowserClient();
        (await client.ListingIdsAsync("/Search?q=batik")).Should().BeEmpty();

        await Data.WithDbAsync(async db =>
        {
            await SearchRefolds.RunAsync(db, CancellationToken.None);
            return 0;
        });

        (await client.ListingIdsAsync("/Search?q=batik")).Should().Equal(spelled);
        (await Data.WithDbAsync(db => db.SearchRefolds.CountAsync())).Should().Be(0);
    }

    public sealed class Fixture : AppFixture;
}

using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Seed;

/// <summary>The demo's listings get drawn product photos at seed time, so the demo still publishes with photos required.</summary>
public sealed class DemoPhotoTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    [Fact]
    public void A_listing_is_drawn_the_same_way_every_time_and_differently_from_its_neighbour()
    {
        var first = DemoPhotos.Draw(42, "batik-tulis", ClusterCodes.Textile);

        first.Should().Equal(DemoPhotos.Draw(42, "batik-tulis", ClusterCodes.Textile));
        first.Should().NotEqual(DemoPhotos.Draw(43, "batik-tulis", ClusterCodes.Textile));
        ImageStore.Detect(first)!.Value.ContentType.Should().Be("image/webp");
        TestImages.SizeOf(first).Should().Be((DemoPhotos.Side, DemoPhotos.Side));
        first.Length.Should().BeLessThan(40_000);
    }

    [Fact]
    public async Task Seeding_the_demo_gives_every_listing_a_photo_still_publishes_and_leaves_the_tables_analysed()
    {
        using (var scope = fixture.App.Services.CreateScope())
        {
            await DemoDataSeeder.SeedIfEmptyAsync(scope.ServiceProvider, 2021, DemoDataSeeder.DefaultPassword);
        }

        using var read = fixture.App.Services.CreateScope();
        var db = read.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var total = await db.Listings.CountAsync();
        (await db.Listings.CountAsync(l => !db.ListingImages.Any(i => i.ListingId == l.Id))).Should().Be(0);
        (await db.Listings.CountAsync(l => l.State == ListingState.Published)).Should().BeGreaterThan(total / 3, "the demo keeps its blocked and waiting listings; the rest publish as before");
        var shelves = (await db.ListingImages.Join(db.Listings, i => i.ListingId, l => l.Id, (i, l) => new { i.StoredName, l.SellerId, l.CategoryId }).ToListAsync())
            .GroupBy(p => (p.SellerId, p.CategoryId))
            .ToList();
        shelves.Should().OnlyContain(
            shelf => shelf.Select(p => p.StoredName).Distinct().Count() == Math.Min(shelf.Count(), DemoDataSeeder.ShotsPerShopCategory),
            "a shop's listings in one category share a few drawn shots");
        shelves.SelectMany(shelf => shelf.Select(p => p.StoredName).Distinct()).Should().OnlyHaveUniqueItems("no shot is shared beyond its shop and category");
        var photo = await db.ListingImages.OrderBy(i => i.Id).FirstAsync();
        photo.ContentType.Should().Be("image/webp");
        (await db.PhotoBlobs.AnyAsync(b => b.Key == PhotoKeys.ThumbnailOf(photo.StoredName))).Should().BeTrue("the card thumbnail is stored with the photo");
        // last_analyze is set by an ANALYZE command only, not by autovacuum, which may or may not have come by during the seed.
        var analysed = await db.Database.SqlQueryRaw<DateTime?>("SELECT last_analyze AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'listings'").SingleAsync();
        analysed.Should().NotBeNull("the seeded tables are analysed before the first shopper, so prepared statements get plans made from real statistics");
    }
}

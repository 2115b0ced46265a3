using Marketplace.Domain.Listings;
using Marketplace.Web.Features.Storefront;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Storefront;

/// <summary>Home's two shelves are read together; each keeps its own listings and order.</summary>
public sealed class HomePageTests(HomePageTests.Fixture fixture) : IClassFixture<HomePageTests.Fixture>
{
    [Fact]
    public async Task The_newest_shelf_lists_every_visible_listing_newest_first()
    {
        var home = await ReadAsync();

        home.Newest.Select(c => c.Title).Should().Equal("Matras Yoga Impor", "Tas Anyaman Pandan", "Batik Tulis Lasem", "Kopi Gayo Arabika");
    }

    [Fact]
    public async Task The_local_shelf_lists_only_certified_local_products_by_their_local_content()
    {
        var home = await ReadAsync();

        home.Local.Select(c => c.Title).Should().Equal("Batik Tulis Lasem", "Kopi Gayo Arabika");
        home.Local.Should().OnlyContain(c => !c.IsCrossBorder);
    }

    private async Task<HomePageContent> ReadAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HomePage>().ReadAsync(CancellationToken.None);
    }

    public sealed class Fixture : AppFixture
    {
        protected override async Task SeedAsync(MarketplaceApp app)
        {
            var data = new StorefrontData(app);
            var shop = await data.SellerAsync("griya-lasem", "Griya Lasem", "Jawa Tengah", "Rembang");
            await data.ListingAsync(shop, "kopi-biji", "Kopi Gayo Arabika", 120_000, tkdn: 45m, age: TimeSpan.FromMinutes(40));
            await data.ListingAsync(shop, "batik-tulis", "Batik Tulis Lasem", 250_000, tkdn: 92.5m, age: TimeSpan.FromMinutes(30));
            await data.ListingAsync(shop, "anyaman-pandan", "Tas Anyaman Pandan", 85_000, age: TimeSpan.FromMinutes(20));
            await data.ListingAsync(shop, "alat-olahraga", "Matras Yoga Impor", 60_000, origin: ProductOrigin.Imported, tkdn: 10m, age: TimeSpan.FromMinutes(10));
        }
    }
}

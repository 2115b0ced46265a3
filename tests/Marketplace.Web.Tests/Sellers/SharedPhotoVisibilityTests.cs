using System.Net;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>
/// One stored picture may serve several listings (the rows of an import naming the same photo). It is served to shoppers
/// while some listing using it is visible, and answers 404 once every listing using it is blocked. Written as a
/// regression test after a review: it passed when written.
/// </summary>
public sealed class SharedPhotoVisibilityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task A_photo_shared_only_with_blocked_listings_is_404_to_a_shopper_and_served_while_one_listing_using_it_is_visible()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var speaker = await _scenario.CreateDraftAsync(seller, "speaker", "Speaker Bluetooth Mini", origin: ProductOrigin.Imported);
        var doll = await _scenario.CreateDraftAsync(seller, "boneka", "Boneka Beruang Kecil", origin: ProductOrigin.Imported, withPhoto: false);
        var photo = await _scenario.WithDbAsync(async db =>
        {
            var shared = (await db.ListingImages.SingleAsync(i => i.ListingId == speaker)).StoredName;
            (await db.Listings.Include(l => l.Images).SingleAsync(l => l.Id == doll)).AddImage(shared, "image/png");
            await db.SaveChangesAsync();
            return shared;
        });
        (await _scenario.PublishAsync(speaker)).State.Should().Be(ListingState.Published);
        (await _scenario.PublishAsync(doll)).State.Should().Be(ListingState.Published);
        var shopper = fixture.App.CreateBrowserClient();
        (await StatusesAsync(shopper, photo)).Should().AllBeEquivalentTo(HttpStatusCode.OK);

        await _scenario.RulesAsync(async r => await r.BlockClusterAsync(await _scenario.ClusterIdAsync(ReferenceCatalog.Electronics), null, "Uji foto bersama", "admin"));

        (await _scenario.IsVisibleAsync(speaker), await _scenario.IsVisibleAsync(doll)).Should().Be((false, true));
        (await StatusesAsync(shopper, photo)).Should().AllBeEquivalentTo(HttpStatusCode.OK, "a listing using the photo is still visible");

        await _scenario.RulesAsync(async r => await r.BlockClusterAsync(await _scenario.ClusterIdAsync(ReferenceCatalog.Toys), null, "Uji foto bersama", "admin"));

        (await _scenario.IsVisibleAsync(doll)).Should().BeFalse();
        (await StatusesAsync(shopper, photo)).Should().AllBeEquivalentTo(HttpStatusCode.NotFound, "every listing using the photo is blocked");
        using var admin = await Admin.AdminPages.AdminClientAsync(fixture.App);
        (await StatusesAsync(admin, photo)).Should().AllBeEquivalentTo(HttpStatusCode.OK, "admins still review blocked listings");
    }

    private static async Task<HttpStatusCode[]> StatusesAsync(HttpClient client, string photo)
    {
        using var image = await client.GetAsync($"/images/{photo}");
        using var thumbnail = await client.GetAsync($"/images/thumbs/{photo}");
        return [image.StatusCode, thumbnail.StatusCode];
    }
}

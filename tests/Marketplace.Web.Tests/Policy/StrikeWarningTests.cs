using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Sellers;
using Marketplace.Web.Tests.Sellers.PhotoCopies;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Policy;

/// <summary>No strike without a warning the seller saw: the API answers what would happen before anything is saved.</summary>
public sealed class StrikeWarningTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task A_dry_run_says_a_listing_would_be_refused_with_a_strike_saves_nothing_and_equals_the_effect()
    {
        var (seller, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var token = await SellerPortal.CreateTokenAsync(client);
        var api = fixture.App.CreateClient();
        var body = new
        {
            sku = "KAIN-" + Guid.NewGuid().ToString("N")[..8],
            category = PolicyScenario.Textile,
            title = "Kain Tenun Impor",
            description = "Kain.",
            price = 250_000,
            stock = 3,
            weightGrams = 600,
            publish = true,
            images = new[] { Convert.ToBase64String(TestImages.Png()) },
        };

        using var dryRun = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings?dry_run=true", token, body));
        var listingsAfterDryRun = await _portal.ListingCountAsync(seller);
        var strikesAfterDryRun = await StrikesAsync(seller);
        using var created = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings", token, body));

        dryRun.StatusCode.Should().Be(HttpStatusCode.OK, await dryRun.Content.ReadAsStringAsync());
        var said = await dryRun.Content.ReadFromJsonAsync<JsonElement>();
        said.GetProperty("state").GetString().Should().Be(nameof(ListingState.Rejected));
        said.GetProperty("earnsStrike").GetBoolean().Should().BeTrue();
        said.GetProperty("activeStrikes").GetInt32().Should().Be(1);
        said.GetProperty("decision").GetProperty("reasonId").GetString().Should().Contain("Tekstil");
        listingsAfterDryRun.Should().Be(0);
        strikesAfterDryRun.Should().Be(0);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().Should().Be(said.GetProperty("state").GetString());
        (await StrikesAsync(seller)).Should().Be(said.GetProperty("activeStrikes").GetInt32());
    }

    [Fact]
    public async Task A_dry_run_of_an_allowed_listing_says_it_would_publish_without_a_strike()
    {
        var (seller, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var token = await SellerPortal.CreateTokenAsync(client);
        var api = fixture.App.CreateClient();

        using var dryRun = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings?dry_run=true", token, new
        {
            sku = "HP-" + Guid.NewGuid().ToString("N")[..8],
            category = PolicyScenario.Smartphones,
            title = "Smartphone Android 128 GB",
            description = "Ponsel.",
            price = 2_500_000,
            stock = 3,
            weightGrams = 600,
            publish = true,
            images = new[] { Convert.ToBase64String(TestImages.Png()) },
        }));

        var said = await dryRun.Content.ReadFromJsonAsync<JsonElement>();
        said.GetProperty("state").GetString().Should().Be(nameof(ListingState.Published));
        said.GetProperty("earnsStrike").GetBoolean().Should().BeFalse();
        (await _portal.ListingCountAsync(seller)).Should().Be(0);
    }

    [Fact]
    public async Task A_dry_run_of_a_create_or_an_update_with_photos_leaves_no_photo_file_or_fingerprint_behind()
    {
        var (seller, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var token = await SellerPortal.CreateTokenAsync(client);
        var api = fixture.App.CreateClient();
        var sku = "HP-" + Guid.NewGuid().ToString("N")[..8];
        object Body(int photo, string bodySku) => new
        {
            sku = bodySku,
            category = PolicyScenario.Smartphones,
            title = "Smartphone Android 256 GB",
            description = "Ponsel.",
            price = 2_500_000,
            stock = 3,
            weightGrams = 400,
            publish = true,
            images = new[] { Convert.ToBase64String(GeneratedPhotos.Draw(photo)) },
        };
        using var draft = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings", token, new { sku, category = PolicyScenario.Smartphones, title = "Smartphone", description = "Ponsel.", price = 2_500_000, stock = 3, weightGrams = 400 }));
        draft.StatusCode.Should().Be(HttpStatusCode.Created, await draft.Content.ReadAsStringAsync());
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var files = await PhotoFilesAsync();
        var fingerprints = await FingerprintsAsync();

        using var create = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings?dry_run=true", token, Body(611, sku + "-B")));
        using var update = await api.SendAsync(SellerPortal.Api(HttpMethod.Put, $"/listings/{id}?dry_run=true", token, Body(612, sku), ifMatch: "*"));

        create.StatusCode.Should().Be(HttpStatusCode.OK, await create.Content.ReadAsStringAsync());
        update.StatusCode.Should().Be(HttpStatusCode.OK, await update.Content.ReadAsStringAsync());
        (await PhotoFilesAsync()).Should().BeEquivalentTo(files, "a dry run stores nothing, its photos included");
        (await FingerprintsAsync()).Should().Be(fingerprints);
        (await _portal.ListingCountAsync(seller)).Should().Be(1);
    }

    private Task<List<string>> PhotoFilesAsync() => StoredPhotoBlobs.KeysAsync(fixture.App);

    private Task<int> FingerprintsAsync() => _portal.Scenario.WithDbAsync(db => db.PhotoFingerprints.CountAsync());

    private Task<int> StrikesAsync(int seller) => _portal.Scenario.WithDbAsync(db => db.Strikes.CountAsync(s => s.SellerId == seller));
}

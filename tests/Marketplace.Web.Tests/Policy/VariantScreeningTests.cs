using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Sellers;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Policy;

/// <summary>
/// Everything a shopper reads about a cross-border listing is screened like its title: variant names and values, and a
/// cross-border shop's own name. Found from outside: variants reading "Batik tulis" went live at once.
/// </summary>
public sealed class VariantScreeningTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Theory]
    [InlineData("Motif", "Batik tulis")]
    [InlineData("Motif", "B4tik parang")]
    [InlineData("Kopi", "Arabika Gayo 250 gr")]
    [InlineData("Bahan", "Anyaman rotan")]
    public async Task A_cross_border_listing_whose_variants_read_like_closed_cluster_goods_waits_for_review_through_the_api(string name, string value)
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var token = await SellerPortal.CreateTokenAsync(client);
        var api = fixture.App.CreateClient();

        using var created = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings", token, NewCase(name, value)));

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await _portal.Scenario.ListingAsync(id)).State.Should().Be(ListingState.PendingReview);
        (await _portal.Scenario.DecisionsAsync(id)).Should().ContainSingle()
            .Which.ReasonCodes.Should().Contain(ReasonCodes.SuspectedMisclassification);
        (await _portal.Scenario.IsVisibleAsync(id)).Should().BeFalse();
    }

    [Fact]
    public async Task Variants_added_to_a_live_cross_border_listing_are_decided_before_a_shopper_sees_them()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var token = await SellerPortal.CreateTokenAsync(client);
        var api = fixture.App.CreateClient();
        using var created = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings", token, NewCase("Warna", "Hitam")));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await _portal.Scenario.IsVisibleAsync(id)).Should().BeTrue("a phone case in plain colours is allowed");

        using var updated = await api.SendAsync(SellerPortal.Api(HttpMethod.Put, $"/listings/{id}", token, new
        {
            category = PolicyScenario.PhoneCases,
            title = "Casing HP Silikon",
            description = "Pelindung ponsel.",
            variants = new object[]
            {
                new { name1 = "Warna", value1 = "Hitam", price = 120_000, stock = 4 },
                new { name1 = "Warna", value1 = "Batik tulis", price = 125_000, stock = 6 },
            },
        },
        created.Headers.ETag!.ToString()));

        updated.StatusCode.Should().Be(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        (await _portal.Scenario.ListingAsync(id)).State.Should().Be(ListingState.PendingReview);
        (await _portal.Scenario.IsVisibleAsync(id)).Should().BeFalse();
        var variants = await _portal.Scenario.WithDbAsync(db => db.ListingVariants.Where(v => v.ListingId == id).Select(v => v.Value1).ToListAsync());
        variants.Should().Contain("Batik tulis", "the seller's variants are saved, waiting with the listing");
    }

    [Fact]
    public async Task A_variant_typed_into_the_form_holds_a_cross_border_listing()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var fields = SellerPortal.ListingFields(PolicyScenario.PhoneCases, "Casing HP Silikon", price: string.Empty);
        fields["Input.VariantName1"] = "Motif";
        fields["Input.Variants[0].Value1"] = "Kawung";
        fields["Input.Variants[0].Price"] = "120.000";
        fields["Input.Variants[0].Stock"] = "3";
        fields["Input.Variants[1].Value1"] = "Batik tulis";
        fields["Input.Variants[1].Price"] = "125.000";
        fields["Input.Variants[1].Stock"] = "2";

        var id = await SellerPortal.CreateAsync(client, "Publish", fields);

        (await _portal.Scenario.ListingAsync(id)).State.Should().Be(ListingState.PendingReview);
        (await _portal.Scenario.IsVisibleAsync(id)).Should().BeFalse();
    }

    [Fact]
    public async Task A_cross_border_shop_whose_name_reads_like_closed_cluster_goods_has_its_listings_held()
    {
        var seller = await _portal.Scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        await _portal.Scenario.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE sellers SET store_name = 'Batik Tulis Store' WHERE id = {seller}"));
        var listing = await _portal.Scenario.CreateDraftAsync(seller, PolicyScenario.PhoneCases, "Casing HP Silikon", origin: ProductOrigin.Imported);

        var result = await _portal.Scenario.PublishAsync(listing);

        result.State.Should().Be(ListingState.PendingReview);
    }

    [Fact]
    public async Task A_verified_local_shop_selling_an_import_is_not_held_for_its_own_local_sounding_name()
    {
        var seller = await _portal.Scenario.CreateSellerAsync(SellerOrigin.Local);
        await _portal.Scenario.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE sellers SET store_name = 'Batik Sekar Jagad' WHERE id = {seller}"));
        var listing = await _portal.Scenario.CreateDraftAsync(seller, PolicyScenario.PhoneCases, "Casing HP Silikon", origin: ProductOrigin.Imported);

        var result = await _portal.Scenario.PublishAsync(listing);

        result.State.Should().Be(ListingState.Published);
    }

    private static object NewCase(string name, string value) => new
    {
        sku = "CASE-" + Guid.NewGuid().ToString("N")[..8],
        category = PolicyScenario.PhoneCases,
        title = "Casing HP Silikon",
        description = "Pelindung ponsel.",
        origin = "imported",
        weightGrams = 100,
        publish = true,
        images = new[] { Convert.ToBase64String(TestImages.Png()) },
        variants = new object[]
        {
            new { name1 = name, value1 = value, price = 120_000, stock = 4 },
        },
    };
}

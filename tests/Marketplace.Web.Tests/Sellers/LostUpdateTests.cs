using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>Two writers on one listing: a write made from an older version is refused and reported, never applied over the newer one.</summary>
public sealed class LostUpdateTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private const string ApiTitle = "Kopi Gayo Harga Baru dari Penjual";

    private readonly SellerPortal _portal = new(fixture.App);

    private static object Coffee(string title, long price) => new { category = PolicyScenario.Coffee, title, description = "Sangrai sedang.", price, stock = 7 };

    [Fact]
    public async Task The_api_hands_out_the_content_version_as_etag_and_refuses_updates_without_it_or_from_an_older_one()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var listing = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Gayo 250 g");
        var token = await SellerPortal.CreateTokenAsync(client);
        var api = fixture.App.CreateClient();

        using var read = await api.SendAsync(SellerPortal.Api(HttpMethod.Get, $"/listings/{listing}", token));
        var etag = read.Headers.ETag!.ToString();
        var version = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        etag.Should().Be($"\"{version}\"");

        using var bare = await api.SendAsync(SellerPortal.Api(HttpMethod.Put, $"/listings/{listing}", token, Coffee("Tanpa Versi", 10_000)));
        bare.StatusCode.Should().Be(HttpStatusCode.PreconditionRequired);
        bare.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");

        using var first = await api.SendAsync(SellerPortal.Api(HttpMethod.Put, $"/listings/{listing}", token, Coffee(ApiTitle, 77_777), etag));
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.ETag!.ToString().Should().Be($"\"{version + 1}\"");

        foreach (var stale in new[] { etag, "\"not-a-version\"", "W/\"" + (version + 1) + "\"" })
        {
            using var refused = await api.SendAsync(SellerPortal.Api(HttpMethod.Put, $"/listings/{listing}", token, Coffee("Judul Lama dari Klien Lain", 15_000), stale));
            refused.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed, "If-Match {0} does not name the current version", stale);
            refused.Headers.ETag!.ToString().Should().Be($"\"{version + 1}\"", "the refusal tells the client the version to fetch");
        }

        var saved = (await _portal.ListingAsync(listing))!;
        (saved.Title, saved.Price.Amount, saved.Version).Should().Be((ApiTitle, 77_777, version + 1), "only the write made from the current version landed");

        using var any = await api.SendAsync(SellerPortal.Api(HttpMethod.Put, $"/listings/{listing}", token, Coffee("Ditimpa dengan Sengaja", 80_000), "*"));
        any.StatusCode.Should().Be(HttpStatusCode.OK, "If-Match: * is a deliberate overwrite");
    }

    [Fact]
    public async Task A_form_opened_before_an_api_edit_keeps_the_sellers_input_shows_what_is_saved_now_and_saves_only_when_sent_again()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var listing = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Gayo 250 g");
        var token = await SellerPortal.CreateTokenAsync(client);
        var url = $"/Seller/Listings/Edit/{listing}?handler=Save";
        var (action, opened) = await client.PrepareFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Title"] = "Kopi Gayo dari Formulir",
            ["Input.Price"] = "15.000",
        });

        using (var apiEdit = await fixture.App.CreateClient().SendAsync(SellerPortal.Api(HttpMethod.Put, $"/listings/{listing}", token, Coffee(ApiTitle, 77_777), "*")))
        {
            apiEdit.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var stale = await client.PostAsync(action, opened);
        stale.StatusCode.Should().Be(HttpStatusCode.OK, "the form comes back instead of saving");
        var page = await FormPost.ParseAsync(stale);
        page.QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("diubah di tempat lain");
        var savedNow = page.QuerySelector("#saved-now")!.TextContent;
        savedNow.Should().Contain(ApiTitle).And.Contain("Rp 77.777");
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Input.Title']")!).Value.Should().Be("Kopi Gayo dari Formulir", "the seller's input is kept");
        var listingNow = (await _portal.ListingAsync(listing))!;
        (listingNow.Title, listingNow.Price.Amount).Should().Be((ApiTitle, 77_777), "the newer edit was not reverted");

        // The form now carries the version the seller has seen; sending it again is a deliberate choice and applies.
        using var again = await client.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Title"] = "Kopi Gayo dari Formulir",
            ["Input.Price"] = "15.000",
            ["Input.Version"] = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Input.Version']")!).Value,
        });
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        listingNow = (await _portal.ListingAsync(listing))!;
        (listingNow.Title, listingNow.Price.Amount).Should().Be(("Kopi Gayo dari Formulir", 15_000));
    }

    [Fact]
    public async Task A_quick_price_edit_from_an_older_table_is_not_saved_and_says_why()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var listing = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Gayo 250 g");
        var token = await SellerPortal.CreateTokenAsync(client);
        var (action, quick) = await client.PrepareFormAsync("/Seller/Listings", new Dictionary<string, string> { ["price"] = "15.000", ["stock"] = "3" }, $"form.quick-edit[action*='id={listing}']");

        using (var apiEdit = await fixture.App.CreateClient().SendAsync(SellerPortal.Api(HttpMethod.Put, $"/listings/{listing}", token, Coffee(ApiTitle, 77_777), "*")))
        {
            apiEdit.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var posted = await client.PostAsync(action, quick);
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync(posted.Headers.Location!.OriginalString)).QuerySelector("main")!.TextContent.Should().Contain("diubah di tempat lain");
        var listingNow = (await _portal.ListingAsync(listing))!;
        (listingNow.Price.Amount, listingNow.Stock).Should().Be((77_777, 7));
    }

    [Fact]
    public async Task The_policys_edit_checks_the_version_under_the_rows_lock_and_changes_nothing_when_it_moved()
    {
        var (sellerId, _) = await _portal.SellerAsync(SellerOrigin.Local);
        var listing = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Gayo 250 g");
        var before = (await _portal.ListingAsync(listing))!;
        var content = new ListingContent(before.CategoryId, "Kopi Gayo Versi Lama", before.Description, before.Price, before.Stock, before.Origin, before.TkdnPercent);

        var stale = await _portal.Scenario.PublicationAsync(p => p.EditAsync(listing, sellerId, content, DecisionTrigger.SellerEdit, "seller", before.Version - 1));
        var current = await _portal.Scenario.PublicationAsync(p => p.EditAsync(listing, sellerId, content, DecisionTrigger.SellerEdit, "seller", before.Version));

        stale!.Stale.Should().BeTrue();
        current!.Stale.Should().BeFalse();
        var after = (await _portal.ListingAsync(listing))!;
        (after.Title, after.Version, after.State).Should().Be(("Kopi Gayo Versi Lama", before.Version + 1, ListingState.Published));
    }
}

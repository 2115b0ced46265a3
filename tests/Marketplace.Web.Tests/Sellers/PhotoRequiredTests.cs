using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>A listing is published only with a photo, whichever way the seller publishes: the form, the API, a CSV import.</summary>
public sealed class PhotoRequiredTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task The_form_refuses_to_publish_a_new_listing_without_a_photo_keeps_what_was_typed_and_saves_nothing()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var fields = SellerPortal.ListingFields(PolicyScenario.Rattan, "Keranjang Rotan Tanpa Foto");

        using var refused = await SellerPortal.PostListingAsync(client, "Publish", fields, withPhoto: false);

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await FormPost.ParseAsync(refused);
        page.QuerySelector(".alert-danger, .validation-summary-errors")!.TextContent.Should().Contain("Tambahkan minimal satu foto sebelum menayangkan");
        page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value").Should().Be("Keranjang Rotan Tanpa Foto");
        (await _portal.ListingCountAsync(sellerId)).Should().Be(0, "a refused publication leaves no draft behind");

        var published = await SellerPortal.CreateAsync(client, "Publish", fields);
        (await _portal.ListingAsync(published))!.State.Should().Be(ListingState.Published, "the same SKU goes through once it has a photo");
    }

    [Fact]
    public async Task Publishing_a_draft_without_a_photo_from_its_page_is_refused_and_the_draft_stays()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var draft = await _portal.Scenario.CreateDraftAsync(sellerId, PolicyScenario.Rattan, "Tas Rotan Tanpa Foto", withPhoto: false);

        using var refused = await SellerPortal.PostListingAsync(client, "Publish", SellerPortal.ListingFields(PolicyScenario.Rattan, "Tas Rotan Tanpa Foto"), draft);

        (await FormPost.ParseAsync(refused)).QuerySelector("main")!.TextContent.Should().Contain("Tambahkan minimal satu foto sebelum menayangkan");
        (await _portal.ListingAsync(draft))!.State.Should().Be(ListingState.Draft);
        (await _portal.Scenario.DecisionsAsync(draft)).Should().BeEmpty("a listing not ready is not put before the policy");
    }

    [Fact]
    public async Task The_api_answers_a_problem_detail_for_a_listing_without_a_photo_and_publishes_one_sent_with_a_photo()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var token = await SellerPortal.CreateTokenAsync(client);
        var api = fixture.App.CreateClient();
        var draft = await _portal.Scenario.CreateDraftAsync(sellerId, PolicyScenario.Rattan, "Tikar Rotan Tanpa Foto", withPhoto: false);

        using var publish = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, $"/listings/{draft}/publish", token));
        using var create = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings", token, new { sku = "API-NOFOTO", category = PolicyScenario.Rattan, title = "Tas Rotan Api", price = 90_000, stock = 2, weightGrams = 500, publish = true }));
        using var withPhoto = await api.SendAsync(SellerPortal.Api(
            HttpMethod.Post, "/listings", token, new { sku = "API-FOTO", category = PolicyScenario.Rattan, title = "Tas Rotan Api", price = 90_000, stock = 2, weightGrams = 500, publish = true, images = new[] { Convert.ToBase64String(TestImages.Jpeg()) } }));

        publish.StatusCode.Should().Be(HttpStatusCode.Conflict);
        publish.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await publish.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().Should().Be("urn:marketplace:listing.photo_required");
        problem.GetProperty("title").GetString().Should().Contain("Tambahkan minimal satu foto sebelum menayangkan");
        create.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        create.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("listing")[0].GetString().Should().Contain("minimal satu foto");
        withPhoto.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await withPhoto.Content.ReadFromJsonAsync<JsonElement>();
        created.GetProperty("state").GetString().Should().Be("Published");
        created.GetProperty("images").GetArrayLength().Should().Be(1);
        (await _portal.ListingAsync(draft))!.State.Should().Be(ListingState.Draft);
        (await _portal.ListingCountAsync(sellerId)).Should().Be(2, "the draft and the listing sent with a photo");
    }

    [Fact]
    public async Task A_csv_row_without_a_photo_is_saved_as_a_draft_and_reported_by_its_row_number()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var file = CsvUploads.Sheet(CsvUploads.Header, "FOTO-0,anyaman-rotan,Keranjang Rotan Besar,,150000,3,,local");

        var import = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, file, asIs: true));

        (import.Status, import.CreatedCount, import.InvalidCount, import.PublishedCount, import.NotPublishedCount).Should().Be((ListingImportStatus.Completed, 1, 0, 0, 1));
        var problems = await _portal.Scenario.WithDbAsync(db => db.ListingImportProblems.Where(p => p.ImportId == import.Id).ToListAsync());
        problems.Select(p => (p.RowNumber, p.Column, p.ProblemKey)).Should().Equal((2, "images", "Csv.Problem.PhotoRequired"));
        var listing = await _portal.Scenario.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.SellerId == sellerId));
        listing.State.Should().Be(ListingState.Draft);
        (await client.GetDocumentAsync($"/Seller/Uploads/Details/{import.Id}")).QuerySelector("#problems tr[data-row='2']")!.TextContent.Should().Contain("minimal satu foto");
    }

    [Fact]
    public async Task A_live_listing_keeps_its_last_photo()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var id = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Rattan, "Nampan Rotan Bundar");
        var photo = (await _portal.ListingAsync(id))!.Images.Single().StoredName;

        using var removed = await client.SubmitFormAsync($"/Seller/Listings/Edit/{id}", new Dictionary<string, string> { ["name"] = photo }, $"form[action*='handler=RemoveImage']");

        (await FormPost.ParseAsync(removed)).QuerySelector("main")!.TextContent.Should().Contain("minimal satu foto");
        (await _portal.ListingAsync(id))!.Images.Should().ContainSingle();
    }
}

using System.Net;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>
/// An edit through the API that lands while an import is under way: the import compares and decides on what is stored
/// when it holds its locks, never on a copy read before. The interleaving is made deterministic by a row lock a second
/// connection holds on a category only the import needs, taken once the preview is ready, and by waiting for the
/// confirmed import to queue behind it in pg_locks.
/// </summary>
public sealed class CsvImportConcurrencyTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private const string BatikTitle = "Kemeja Batik Pria Lengan Panjang";
    private const string EditedTitle = "Casing HP Silikon Bening";

    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task An_api_edit_that_lands_while_an_import_waits_for_its_locks_is_not_overwritten_by_a_stale_comparison()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var token = await SellerPortal.CreateTokenAsync(client);
        var listingId = await ApprovedBatikTitleInElectronicsAsync(sellerId);
        var sku = (await _portal.Scenario.ListingAsync(listingId)).Sku;

        // The file repeats the stored content with a new stock, so a stale comparison sees no policy input change.
        var file = CsvUploads.File(
            $"{sku},{PolicyScenario.Smartphones},{BatikTitle},Produk uji.,250000,99,,imported",
            $"NEW-KOPI,{PolicyScenario.Coffee},Kopi Bubuk Impor,,100000,3,,imported");

        var importId = await CsvUploads.UploadAsync(client, file);
        await CsvUploads.PreviewedAsync(_portal, importId);
        await using var held = await HeldCategory.LockAsync(fixture.App.ConnectionString, PolicyScenario.Coffee);
        await CsvUploads.DecideAsync(client, importId, "Confirm");
        await Eventually.WaitForWaiterBehindAsync(held.Connection);

        using var edit = await fixture.App.CreateClient().SendAsync(SellerPortal.Api(HttpMethod.Put, $"/listings/{listingId}", token, new
        {
            category = PolicyScenario.Smartphones,
            title = EditedTitle,
            description = "Produk uji.",
            price = 250_000,
            stock = 10,
            origin = "imported",
        },
        ifMatch: "*"));
        edit.StatusCode.Should().Be(HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());
        await held.ReleaseAsync();

        var import = await CsvUploads.FinishedAsync(_portal, client, importId);
        (import.Status, import.CreatedCount, import.UpdatedCount, import.SkippedCount).Should().Be((ListingImportStatus.Completed, 1, 0, 1));
        var listing = await _portal.Scenario.ListingAsync(listingId);
        (listing.Title, listing.Stock, listing.State).Should().Be((EditedTitle, 10, ListingState.Published), "the edit made after the upload stands");
        var latest = (await _portal.Scenario.DecisionsAsync(listingId)).Last();
        (latest.Trigger, latest.Outcome).Should().Be((DecisionTrigger.SellerApi, PolicyOutcome.Allowed), "the listing's state comes from the decision on its current content");
        var problem = (await _portal.Scenario.WithDbAsync(db => db.ListingImportProblems.Where(p => p.ImportId == importId).ToListAsync())).Single();
        (problem.RowNumber, problem.ProblemKey, problem.Value).Should().Be((2, "Csv.Problem.ChangedAfterUpload", sku));
    }

    [Fact]
    public async Task Rows_whose_listing_changed_after_the_upload_are_skipped_and_reported_in_both_languages_while_the_others_are_applied()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var edited = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Textile, "Kain Batik Tulis Lasem");
        var untouched = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Textile, "Kain Batik Cap Pekalongan");
        var (editedSku, untouchedSku) = ((await _portal.Scenario.ListingAsync(edited)).Sku, (await _portal.Scenario.ListingAsync(untouched)).Sku);
        var file = CsvUploads.File(
            $"{editedSku},{PolicyScenario.Textile},Kain Batik Tulis Lasem,Produk uji.,15000,10,,local",
            $"{untouchedSku},{PolicyScenario.Textile},Kain Batik Cap Pekalongan,Produk uji.,15000,10,,local",
            "LATER-SKU,batik-tulis,Kain Dari Berkas,,15000,1,,local",
            $"NEW-KOPI,{PolicyScenario.Coffee},Kopi Bubuk Gayo,,100000,3,,local");

        var importId = await CsvUploads.UploadAsync(client, file);
        await CsvUploads.PreviewedAsync(_portal, importId);
        await using var held = await HeldCategory.LockAsync(fixture.App.ConnectionString, PolicyScenario.Coffee);
        await CsvUploads.DecideAsync(client, importId, "Confirm");
        await Eventually.WaitForWaiterBehindAsync(held.Connection);
        var fields = SellerPortal.ListingFields(PolicyScenario.Textile, "Harga baru dari penjual", "77.777", editedSku, "Produk uji.");
        using (var form = await SellerPortal.PostListingAsync(client, "Save", fields, edited))
        {
            form.StatusCode.Should().Be(HttpStatusCode.Redirect, await form.Content.ReadAsStringAsync());
        }

        var later = await SellerPortal.CreateAsync(client, "Save", SellerPortal.ListingFields(PolicyScenario.Textile, "Kain Dibuat Sesudahnya", sku: "LATER-SKU"));
        await held.ReleaseAsync();

        var import = await CsvUploads.FinishedAsync(_portal, client, importId);
        (import.Status, import.CreatedCount, import.UpdatedCount, import.SkippedCount, import.InvalidCount).Should().Be((ListingImportStatus.Completed, 1, 1, 2, 0));
        var kept = await _portal.Scenario.ListingAsync(edited);
        (kept.Title, kept.Price.Amount).Should().Be(("Harga baru dari penjual", 77_777));
        (await _portal.Scenario.ListingAsync(later)).Title.Should().Be("Kain Dibuat Sesudahnya");
        (await _portal.Scenario.ListingAsync(untouched)).Price.Amount.Should().Be(15_000, "a listing nobody touched since the upload takes the file's row");

        var page = await client.GetDocumentAsync($"/Seller/Uploads/Details/{importId}");
        page.QuerySelector("[data-count=skipped]")!.TextContent.Should().Be("2");
        page.QuerySelector("#import-counts")!.TextContent.Should().Contain("Berubah setelah diunggah, tidak ditimpa");
        page.QuerySelectorAll("#problems tr[data-row]").Select(r => r.GetAttribute("data-row")).Should().Equal("2", "4");
        page.QuerySelector("#problems")!.TextContent.Should().Contain("diubah setelah file diunggah");
        var report = await client.GetStringAsync($"/Seller/Uploads/Details/{importId}?handler=Problems");
        report.Should().Contain("diubah setelah file diunggah");
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c=en-US|uic=en-US");
        var english = await client.GetDocumentAsync($"/Seller/Uploads/Details/{importId}");
        english.QuerySelector("#import-counts")!.TextContent.Should().Contain("Changed after upload, not overwritten");
        english.QuerySelector("#problems")!.TextContent.Should().Contain("changed after the file was uploaded, not overwritten");
    }

    /// <summary>A cross-border listing with a batik title in electronics that an admin found correctly classified, so it is live.</summary>
    private async Task<long> ApprovedBatikTitleInElectronicsAsync(int sellerId)
    {
        var id = await _portal.Scenario.CreateDraftAsync(sellerId, PolicyScenario.Smartphones, BatikTitle, origin: ProductOrigin.Imported);
        (await _portal.Scenario.PublishAsync(id)).State.Should().Be(ListingState.PendingReview);
        (await _portal.Scenario.PublicationAsync(p => p.ApproveReviewAsync(id, "admin@example.id"))).State.Should().Be(ListingState.Published);
        return id;
    }
}

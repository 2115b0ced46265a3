using System.Net;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>
/// An upload is previewed before anything is saved: the import runs in a transaction that is rolled back, each listing's
/// outcome is shown, and only the seller's "Lanjutkan impor" runs it for real, with the outcomes the preview showed.
/// </summary>
public sealed class CsvPreviewTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task The_preview_of_a_mixed_file_lists_each_outcome_and_writes_nothing_and_confirming_gives_exactly_those_outcomes_and_the_strike_it_announced()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var file = CsvUploads.File(
            $"PUB-1,{PolicyScenario.PhoneCases},Casing HP Silikon Bening,,50000,5,,imported",
            $"HOLD-1,{PolicyScenario.PhoneCases},Casing HP Motif Batik Tulis,,50000,5,,imported",
            $"REF-1,{PolicyScenario.Textile},Kain Batik Tulis Lasem,,350000,5,,imported",
            $"BAD-1,{PolicyScenario.PhoneCases},ab,,50000,5,,imported");

        var importId = await CsvUploads.UploadAsync(client, file);
        (await CsvUploads.PreviewedAsync(_portal, importId)).Status.Should().Be(ListingImportStatus.PreviewReady);

        (await WrittenAsync(sellerId)).Should().Be((0, 0, 0, 0), "a preview writes no listing, decision, strike or notification");
        var url = $"/Seller/Uploads/Details/{importId}";
        var page = await client.GetDocumentAsync(url);
        page.QuerySelector("#import-status")!.GetAttribute("data-status").Should().Be("PreviewReady");
        page.QuerySelectorAll("#outcome-rows tbody tr").Select(r => (r.GetAttribute("data-row"), r.GetAttribute("data-outcome"), r.GetAttribute("data-strike")))
            .Should().Equal(("4", "Refuse", "true"), ("3", "Hold", "false"), ("5", "NotImported", "false"), ("2", "Publish", "false"));
        page.QuerySelector("#outcome-rows tr[data-row='4']")!.TextContent.Should().Contain("Kain Batik Tulis Lasem").And.Contain("Pelanggaran");
        page.QuerySelector("#outcome-rows tr[data-row='5']")!.TextContent.Should().Contain("3 sampai");
        page.QuerySelectorAll("#outcome-counts dd").Select(d => (d.GetAttribute("data-outcome"), d.TextContent)).Should().Equal(
            ("Refuse", "1"), ("Hold", "1"), ("NotImported", "1"), ("Publish", "1"));
        page.QuerySelector("#strike-warning")!.GetAttribute("data-strikes").Should().Be("1");
        page.QuerySelector("#suspension-warning").Should().BeNull();
        page.QuerySelector("#preview-note")!.TextContent.Should().Contain("tetap memutuskan setiap baris sendiri");
        page.QuerySelector("#confirm-import")!.TextContent.Should().Be("Lanjutkan impor");
        page.QuerySelector("#cancel-import")!.TextContent.Should().Be("Batalkan");
        var preview = await RowsAsync(importId);

        var import = await CsvUploads.FinishedAsync(_portal, client, importId);

        import.Status.Should().Be(ListingImportStatus.Completed);
        (await RowsAsync(importId)).Should().Equal(preview, "the import's outcome per listing equals its preview's");
        var states = await _portal.Scenario.WithDbAsync(db => db.Listings.Where(l => l.SellerId == sellerId).OrderBy(l => l.Sku).Select(l => new { l.Sku, l.State }).ToListAsync());
        states.Select(s => (s.Sku, s.State)).Should().Equal(("HOLD-1", ListingState.PendingReview), ("PUB-1", ListingState.Published), ("REF-1", ListingState.Rejected));
        (await WrittenAsync(sellerId)).Strikes.Should().Be(1, "the strike the preview announced");
        var done = await client.GetDocumentAsync(url);
        done.QuerySelector("#import-status")!.GetAttribute("data-status").Should().Be("Completed");
        done.QuerySelector("#strike-warning")!.GetAttribute("data-strikes").Should().Be("1");
        done.QuerySelector("#confirm-import").Should().BeNull();
    }

    [Fact]
    public async Task A_preview_whose_strikes_would_suspend_the_shop_says_so_and_cancelling_it_writes_nothing()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var file = CsvUploads.File(
            [.. Enumerable.Range(1, 5).Select(i => $"KOPI-{i},{PolicyScenario.Coffee},Kopi Bubuk Impor Nomor {i},,100000,3,,imported"),
            $"CASE-1,{PolicyScenario.PhoneCases},Casing HP Silikon Bening,,50000,5,,imported"]);

        var importId = await CsvUploads.UploadAsync(client, file);
        await CsvUploads.PreviewedAsync(_portal, importId);

        var url = $"/Seller/Uploads/Details/{importId}";
        var page = await client.GetDocumentAsync(url);
        page.QuerySelector("#strike-warning")!.GetAttribute("data-strikes").Should().Be("5");
        page.QuerySelector("#suspension-warning")!.TextContent.Should().Contain("ditangguhkan otomatis");
        (await _portal.ShopAsync(sellerId)).Status.Should().Be(SellerStatus.Active, "the preview's suspension was rolled back with it");

        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c=en-US|uic=en-US");
        var english = await client.GetDocumentAsync(url);
        english.QuerySelector("#suspension-warning")!.TextContent.Should().Contain("suspended automatically");
        english.QuerySelector("#confirm-import")!.TextContent.Should().Be("Continue import");

        await CsvUploads.DecideAsync(client, importId, "Cancel");
        using (var late = await SellerPortal.PostWithTokenAsync(client, "/Seller/Uploads", $"{url}?handler=Confirm", new Dictionary<string, string>()))
        {
            late.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var import = await CsvUploads.PreviewedAsync(_portal, importId);
        import.Status.Should().Be(ListingImportStatus.Cancelled, "a cancelled preview cannot be confirmed afterwards");
        import.ConfirmedAt.Should().BeNull();
        (await WrittenAsync(sellerId)).Should().Be((0, 0, 0, 0));
        (await _portal.ShopAsync(sellerId)).Status.Should().Be(SellerStatus.Active);
        var cancelled = await client.GetDocumentAsync(url);
        cancelled.QuerySelector("#import-status")!.GetAttribute("data-status").Should().Be("Cancelled");
        cancelled.QuerySelector("#cancelled").Should().NotBeNull();
        cancelled.QuerySelector("#confirm-import").Should().BeNull();
    }

    [Fact]
    public async Task Another_sellers_preview_is_not_found_and_confirming_needs_the_antiforgery_token()
    {
        var (owner, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var importId = await CsvUploads.UploadAsync(client, CsvUploads.File("MILIK-1,batik-tulis,Kain Batik Milik Sendiri,,100000,1,,local"));
        await CsvUploads.PreviewedAsync(_portal, importId);
        var (_, other) = await _portal.SellerAsync(SellerOrigin.Local);
        var url = $"/Seller/Uploads/Details/{importId}";

        (await other.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync(url + "?handler=Outcomes")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreach (var handler in new[] { "Confirm", "Cancel" })
        {
            using var response = await SellerPortal.PostWithTokenAsync(other, "/Seller/Uploads", $"{url}?handler={handler}", new Dictionary<string, string>());
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        using (var forged = await client.PostAsync($"{url}?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>())))
        {
            forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        (await CsvUploads.PreviewedAsync(_portal, importId)).Status.Should().Be(ListingImportStatus.PreviewReady);
        (await _portal.ListingCountAsync(owner)).Should().Be(0);
    }

    private Task<List<(int Row, string Sku, ImportRowOutcome Outcome, bool Strike, string? Key, string? ReasonId, string? ReasonEn)>> RowsAsync(long importId) =>
        _portal.Scenario.WithDbAsync(async db =>
            (await db.ListingImportRows.AsNoTracking().Where(r => r.ImportId == importId).OrderBy(r => r.RowNumber).ToListAsync())
            .Select(r => (r.RowNumber, r.Sku, r.Outcome, r.EarnsStrike, r.ReasonKey, r.ReasonId, r.ReasonEn))
            .ToList());

    private Task<(int Listings, int Decisions, int Strikes, int Notifications)> WrittenAsync(int sellerId) =>
        _portal.Scenario.WithDbAsync(async db => (
            await db.Listings.CountAsync(l => l.SellerId == sellerId),
            await db.PolicyDecisions.CountAsync(d => d.SellerId == sellerId),
            await db.Strikes.CountAsync(s => s.SellerId == sellerId),
            await db.SellerNotifications.CountAsync(n => n.SellerId == sellerId)));
}

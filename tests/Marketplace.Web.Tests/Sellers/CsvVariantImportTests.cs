using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>
/// Variants in the bulk upload: one row per variant sharing the listing's SKU, checked by the form's and the API's rules,
/// written with the listing before the policy decides it, and screened like its title.
/// </summary>
public sealed class CsvVariantImportTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private const string Header = "sku,category,title,description,price,stock,origin,images,variant_name1,variant_value1,variant_name2,variant_value2,variant_price,variant_stock";

    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task Rows_sharing_a_sku_become_one_listing_with_those_variants_and_the_same_file_again_changes_nothing()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var file = CsvUploads.Sheet(
            Header,
            $"KAOS-1,kebaya,Kebaya Kutubaru Katun,Dijahit tangan.,,,local,{CsvUploads.PhotoName},Ukuran,S,Warna,Merah,275000,4",
            "KAOS-1,,,,,,,,Ukuran,M,Warna,Merah,285000,6",
            "KAOS-1,kebaya,Kebaya Kutubaru Katun,,,,,,Ukuran,L,Warna,Hitam,295.000,3",
            $"POLOS-1,batik-tulis,Kain Batik Tulis Lasem,,350000,5,local,{CsvUploads.PhotoName},,,,,,");

        var import = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, file));

        (import.Status, import.CreatedCount, import.InvalidCount, import.PublishedCount).Should().Be((ListingImportStatus.Completed, 2, 0, 2));
        var kaos = await ListingWithVariantsAsync(sellerId, "KAOS-1");
        kaos.Variants.OrderBy(v => v.Position).Select(v => (v.Label, v.Price.Amount, v.Stock)).Should().Equal(
            ("Ukuran: S / Warna: Merah", 275_000L, 4), ("Ukuran: M / Warna: Merah", 285_000L, 6), ("Ukuran: L / Warna: Hitam", 295_000L, 3));
        (kaos.HasVariants, kaos.Price.Amount, kaos.Stock, kaos.State).Should().Be((true, 275_000, 13, ListingState.Published));
        (await ListingWithVariantsAsync(sellerId, "POLOS-1")).Variants.Should().BeEmpty();
        var page = await client.GetDocumentAsync($"/Seller/Uploads/Details/{import.Id}");
        page.QuerySelector("#outcome-rows tr[data-row='2']")!.TextContent.Should().Contain("3 variasi");

        var again = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, file));

        (again.CreatedCount, again.UpdatedCount, again.UnchangedCount, again.PublishedCount).Should().Be((0, 0, 2, 0));
        (await _portal.Scenario.DecisionsAsync(kaos.Id)).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_changed_variant_keeps_the_ids_of_the_others_and_the_listing_is_decided_again_while_rows_without_variant_cells_leave_variants_alone()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, CsvUploads.Sheet(
            Header,
            $"SEPATU-1,kebaya,Kebaya Encim Bordir,,,,local,{CsvUploads.PhotoName},Ukuran,M,,,200000,2",
            $"SEPATU-1,,,,,,,,Ukuran,L,,,210000,2")));
        var before = await ListingWithVariantsAsync(sellerId, "SEPATU-1");
        var idOfM = before.Variants.Single(v => v.Value1 == "M").Id;

        var changed = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, CsvUploads.Sheet(
            Header,
            $"SEPATU-1,kebaya,Kebaya Encim Bordir,,,,local,{CsvUploads.PhotoName},Ukuran,M,,,200000,2",
            $"SEPATU-1,,,,,,,,Ukuran,XL,,,230000,1")));

        (changed.UpdatedCount, changed.PublishedCount).Should().Be((1, 1));
        var after = await ListingWithVariantsAsync(sellerId, "SEPATU-1");
        after.Variants.OrderBy(v => v.Position).Select(v => (v.Id == idOfM, v.Value1)).Should().Equal((true, "M"), (false, "XL"));
        (after.Price.Amount, after.Stock).Should().Be((200_000, 3));
        (await _portal.Scenario.DecisionsAsync(after.Id)).Select(d => d.Trigger).Should().Equal(DecisionTrigger.CsvImport, DecisionTrigger.CsvImport);

        var plain = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, CsvUploads.File("SEPATU-1,kebaya,Kebaya Encim Bordir,,999999,77,,local")));

        (plain.UnchangedCount, plain.UpdatedCount).Should().Be((1, 0), "a row without variant cells leaves the variants, and the price and stock they give, as they are");
        (await ListingWithVariantsAsync(sellerId, "SEPATU-1")).Variants.Should().HaveCount(2);
    }

    [Fact]
    public async Task Variant_problems_are_reported_on_the_variants_row_and_column_with_the_forms_message_and_the_listing_is_not_imported()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var file = CsvUploads.Sheet(
            Header,
            $"VAR-1,kebaya,Kebaya Brokat Modern,,,,local,{CsvUploads.PhotoName},Ukuran,S/M,,,150000,1",
            "VAR-1,,,,,,,,Ukuran,L,,,harga,1",
            "VAR-1,,Judul Lain Sama Sekali,,,,,,Ukuran,XL,,,150000,1",
            $"VAR-2,kebaya,Kebaya Brokat Hijau,,,,local,{CsvUploads.PhotoName},Warna,Hijau,,,150000,1",
            "VAR-2,,,,,,,,Warna,hijau,,,150000,1",
            $"VAR-3,kebaya,Kebaya Brokat Biru,,,,local,{CsvUploads.PhotoName},Warna,Biru,,,150000,1",
            "VAR-3,,,,,,,,Ukuran,L,,,150000,1");

        var import = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, file));

        (import.CreatedCount, import.InvalidCount).Should().Be((0, 5));
        var problems = await _portal.Scenario.WithDbAsync(db => db.ListingImportProblems.Where(p => p.ImportId == import.Id).ToListAsync());
        problems.Select(p => (p.RowNumber, p.Column, p.ProblemKey)).Should().BeEquivalentTo(new[]
        {
            (2, "variant_value1", "Seller.Listing.Problem.VariantValue"),
            (3, "variant_price", "Seller.Listing.Problem.PriceInvalid"),
            (4, "title", "Csv.Problem.VariantRowDiffers"),
            (6, "variant_value1", "Seller.Listing.Problem.VariantRepeated"),
            (7, "sku", "Seller.Listing.Problem.VariantNamesDiffer"),
        });
        (await _portal.ListingCountAsync(sellerId)).Should().Be(0);

        var page = await client.GetDocumentAsync($"/Seller/Uploads/Details/{import.Id}");
        page.QuerySelector("#problems tr[data-row='2'][data-column='variant_value1']")!.TextContent.Should().Contain("/");
        page.QuerySelectorAll("#outcome-rows tbody tr").Select(r => (r.GetAttribute("data-row"), r.GetAttribute("data-outcome")))
            .Should().BeEquivalentTo(new[] { ("2", "NotImported"), ("5", "NotImported"), ("7", "NotImported") });
        var report = await client.GetStringAsync($"/Seller/Uploads/Details/{import.Id}?handler=Problems");
        report.Should().Contain("variant_value1").And.Contain("variant_price");
    }

    [Fact]
    public async Task A_cross_border_listing_in_an_open_category_whose_variant_reads_like_batik_is_held_and_a_variant_change_of_a_live_one_is_decided_again()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var file = CsvUploads.Sheet(
            Header,
            $"CASE-1,{PolicyScenario.PhoneCases},Casing HP Silikon Premium,,,,imported,{CsvUploads.PhotoName},Motif,Polos,,,45000,10",
            $"CASE-1,,,,,,,,Motif,Batik tulis,,,45000,10",
            $"CASE-2,{PolicyScenario.PhoneCases},Casing HP Bening Tipis,,,,imported,{CsvUploads.PhotoName},Warna,Hitam,,,40000,10");

        var importId = await CsvUploads.UploadAsync(client, file);
        await CsvUploads.PreviewedAsync(_portal, importId);
        var preview = await client.GetDocumentAsync($"/Seller/Uploads/Details/{importId}");
        preview.QuerySelector("#outcome-rows tr[data-row='2']")!.GetAttribute("data-outcome").Should().Be("Hold");
        var import = await CsvUploads.FinishedAsync(_portal, client, importId);

        var held = await ListingWithVariantsAsync(sellerId, "CASE-1");
        held.State.Should().Be(ListingState.PendingReview);
        held.ReasonCodes.Should().Contain(ReasonCodes.SuspectedMisclassification);
        (await ListingWithVariantsAsync(sellerId, "CASE-2")).State.Should().Be(ListingState.Published);
        import.PublishedCount.Should().Be(1);

        var renamed = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, CsvUploads.Sheet(
            Header,
            $"CASE-2,{PolicyScenario.PhoneCases},Casing HP Bening Tipis,,,,imported,{CsvUploads.PhotoName},Warna,B4tik parang,,,40000,10")));

        renamed.UpdatedCount.Should().Be(1);
        var changed = await ListingWithVariantsAsync(sellerId, "CASE-2");
        changed.State.Should().Be(ListingState.PendingReview, "a variant change is decided again like a title change");
        (await _portal.Scenario.DecisionsAsync(changed.Id)).Select(d => d.Outcome).Should().Equal(PolicyOutcome.Allowed, PolicyOutcome.NeedsReview);
    }

    private Task<Listing> ListingWithVariantsAsync(int sellerId, string sku) =>
        _portal.Scenario.WithDbAsync(db => db.Listings.AsNoTracking().Include(l => l.Variants).SingleAsync(l => l.SellerId == sellerId && l.Sku == sku));
}

using System.Net;
using System.Text;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

public sealed class CsvImportTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    /// <summary>Three good rows and sixteen problems of fourteen kinds, on rows 5 to 19 (the header is row 1).</summary>
    private static byte[] MixedFile()
    {
        var file = CsvUploads.File(
            "GOOD-1,batik-tulis,Kain Batik Tulis Lasem,Pewarna alam.,350000,5,40,local",
            "GOOD-2,\"Makanan & Minuman > Kopi, Teh & Kakao > Kopi Bubuk\",Kopi Bubuk Gayo 250 g,Arabika.,Rp 85.000,20,,local",
            "GOOD-3,anyaman-rotan,Keranjang Rotan Impor,Buatan luar negeri.,120000,7,,imported",
            ",batik-tulis,Kain Tanpa SKU,,100000,1,,local",
            "SKU SPASI,batik-tulis,Kain SKU Berspasi,,100000,1,,local",
            "GOOD-1,batik-tulis,Kain Batik Tulis Lasem Lagi,,350000,5,,local",
            "BAD-CAT,tidak-ada,Produk Kategori Asing,,100000,1,,local",
            "BAD-BRANCH,fesyen-tekstil,Produk Di Cabang,,100000,1,,local",
            "BAD-TITLE,batik-tulis,ab,,100000,1,,local",
            $"BAD-DESC,batik-tulis,Deskripsi Kepanjangan,{new string('a', 5001)},100000,1,,local",
            "BAD-PRICE,batik-tulis,Harga Rumus,,=1+1,1,,local",
            "BAD-ZERO,batik-tulis,Harga Nol,,0,1,,local",
            "BAD-STOCK,batik-tulis,Stok Minus,,100000,-3,,local",
            "BAD-TKDN,batik-tulis,TKDN Lebih,,100000,1,150,local",
            "BAD-ORIGIN,batik-tulis,Asal Aneh,,100000,1,,mars",
            "BAD-ENC,kopi-bubuk,Kopi Aceh ~ Gayo,,100000,1,,local",
            "BAD-COLS,batik-tulis,Kolom Kurang",
            "BAD-MULTI,batik-tulis,Dua Masalah,,abc,x,,local");

        // A byte that is not UTF-8 (Windows-1252's en dash), as a spreadsheet saving in the wrong encoding writes it.
        var tilde = Array.IndexOf(file, (byte)'~');
        file[tilde] = 0x96;
        return file;
    }

    private static readonly (int Row, string Column, string Key)[] ExpectedProblems =
    [
        (5, "sku", "Seller.Listing.Problem.SkuRequired"),
        (6, "sku", "Seller.Listing.Problem.SkuInvalid"),
        (7, "sku", "Seller.Listing.Problem.SkuDuplicate"),
        (8, "category", "Seller.Listing.Problem.CategoryUnknown"),
        (9, "category", "Seller.Listing.Problem.CategoryNotLeaf"),
        (10, "title", "Seller.Listing.Problem.TitleLength"),
        (11, "description", "Seller.Listing.Problem.DescriptionTooLong"),
        (12, "price", "Seller.Listing.Problem.PriceInvalid"),
        (13, "price", "Seller.Listing.Problem.PriceOutOfRange"),
        (14, "stock", "Seller.Listing.Problem.StockInvalid"),
        (15, "tkdn_percent", "Seller.Listing.Problem.TkdnInvalid"),
        (16, "origin", "Seller.Listing.Problem.OriginInvalid"),
        (17, "title", "Seller.Listing.Problem.Encoding"),
        (18, "", "Csv.Problem.ColumnCount"),
        (19, "price", "Seller.Listing.Problem.PriceInvalid"),
        (19, "stock", "Seller.Listing.Problem.StockInvalid"),
    ];

    [Fact]
    public async Task A_file_with_good_rows_and_fourteen_kinds_of_bad_rows_saves_the_good_ones_and_reports_exactly_the_bad_ones()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);

        var importId = await CsvUploads.UploadAsync(client, MixedFile());
        var import = await CsvUploads.FinishedAsync(_portal, client, importId);

        import.Status.Should().Be(ListingImportStatus.Completed, import.FailureKey);
        (import.TotalRows, import.CreatedCount, import.UpdatedCount, import.UnchangedCount, import.InvalidCount, import.PublishedCount, import.NotPublishedCount)
            .Should().Be((18, 3, 0, 0, 15, 2, 1));
        var problems = await _portal.Scenario.WithDbAsync(db => db.ListingImportProblems.Where(p => p.ImportId == importId).ToListAsync());
        problems.Select(p => (p.RowNumber, p.Column, p.ProblemKey)).Should().BeEquivalentTo(ExpectedProblems);

        var listings = await _portal.Scenario.WithDbAsync(db => db.Listings.AsNoTracking().Where(l => l.SellerId == sellerId).OrderBy(l => l.Sku).ToListAsync());
        listings.Select(l => (l.Sku, l.State)).Should().Equal(("GOOD-1", ListingState.Published), ("GOOD-2", ListingState.Published), ("GOOD-3", ListingState.Rejected));
        listings[1].Price.Amount.Should().Be(85_000);
        listings[0].TkdnPercent.Should().Be(40);
        listings[2].Origin.Should().Be(ProductOrigin.Imported);
        (await _portal.Scenario.DecisionsAsync(listings[0].Id)).Should().ContainSingle().Which.Trigger.Should().Be(Marketplace.Domain.Policy.DecisionTrigger.CsvImport);

        var page = await client.GetDocumentAsync($"/Seller/Uploads/Details/{importId}");
        page.QuerySelector("#import-status")!.GetAttribute("data-status").Should().Be("Completed");
        page.QuerySelectorAll("#problems tbody tr").Should().HaveCount(16);
        page.QuerySelector("#problems tr[data-row='12']")!.TextContent.Should().Contain("angka rupiah");
    }

    [Fact]
    public async Task The_problem_report_downloads_as_csv_in_the_readers_language_with_formula_cells_neutralised()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var importId = await CsvUploads.UploadAsync(client, MixedFile());
        await CsvUploads.FinishedAsync(_portal, client, importId);

        using var response = await client.GetAsync($"/Seller/Uploads/Details/{importId}?handler=Problems");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var report = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = report.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("Baris,Kolom,Masalah,Isi");
        lines.Should().HaveCount(1 + ExpectedProblems.Length);
        report.Should().Contain("'=1+1").And.Contain("'-3").And.NotContain(",=1+1").And.NotContain(",-3");
        lines.SelectMany(l => l.Split(',')).Should().NotContain(cell => cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Uploading_the_same_file_twice_changes_nothing_and_a_changed_row_is_the_only_one_written_and_decided_again()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, MixedFile()));
        var before = await SnapshotAsync(sellerId);

        var again = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, MixedFile()));

        (again.CreatedCount, again.UpdatedCount, again.UnchangedCount, again.PublishedCount, again.NotPublishedCount).Should().Be((0, 0, 3, 0, 0));
        (await SnapshotAsync(sellerId)).Should().BeEquivalentTo(before, o => o.WithStrictOrdering());

        var changed = CsvUploads.File(
            "GOOD-1,batik-tulis,Kain Batik Tulis Lasem,Pewarna alam.,375000,5,40,local",
            "GOOD-2,kopi-bubuk,Kopi Bubuk Gayo 250 g,Arabika.,85000,19,,local");
        var third = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, changed));

        (third.CreatedCount, third.UpdatedCount, third.UnchangedCount, third.PublishedCount).Should().Be((0, 2, 0, 1));
        var after = await SnapshotAsync(sellerId);
        after.Single(s => s.Sku == "GOOD-1").Decisions.Should().Be(2, "a price change is decided again");
        after.Single(s => s.Sku == "GOOD-2").Decisions.Should().Be(1, "a stock change is saved without a new decision");
        after.Single(s => s.Sku == "GOOD-2").Stock.Should().Be(19);
        after.Single(s => s.Sku == "GOOD-3").Should().Be(before.Single(s => s.Sku == "GOOD-3"));
    }

    [Fact]
    public async Task An_archived_listing_is_not_revived_by_an_upload_and_its_row_is_reported()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, CsvUploads.File("ARC-1,batik-tulis,Kain Lama,,100000,1,,local")));
        var id = await _portal.Scenario.WithDbAsync(db => db.Listings.Where(l => l.SellerId == sellerId).Select(l => l.Id).SingleAsync());
        await _portal.Scenario.WithDbAsync(async db =>
        {
            var listing = await db.Listings.SingleAsync(l => l.Id == id);
            listing.Archive(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var import = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, CsvUploads.File("ARC-1,batik-tulis,Kain Lama Baru,,120000,1,,local")));

        import.InvalidCount.Should().Be(1);
        var listing = (await _portal.ListingAsync(id))!;
        (listing.State, listing.Title).Should().Be((ListingState.Archived, "Kain Lama"));
    }

    [Fact]
    public async Task The_template_has_indonesian_columns_with_variant_columns_a_category_path_and_examples_that_import_cleanly_with_their_photos()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);

        using var template = await client.GetAsync("/Seller/Uploads?handler=Template");
        var bytes = await template.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n");
        lines[0].Should().Be("sku,kategori,nama_produk,deskripsi,harga,stok,tkdn_persen,asal,berat_gram,panjang_cm,lebar_cm,tinggi_cm,gambar,nama_variasi1,nilai_variasi1,nama_variasi2,nilai_variasi2,harga_variasi,stok_variasi");
        lines[1].Should().Contain("Fesyen & Tekstil > Kain Tradisional > Batik Tulis");
        lines.Skip(2).Take(3).Should().AllSatisfy(l => l.Should().StartWith("KEBAYA-KTB-01,"), "a listing's variants are rows sharing its SKU");

        var zip = CsvUploads.Zip(
            bytes, ("batik-sekar-jagad-1.jpg", TestImages.Jpeg()), ("batik-sekar-jagad-2.jpg", TestImages.Jpeg()), ("kebaya-kutubaru.jpg", TestImages.Jpeg()));
        var import = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, zip, "template.zip", asIs: true));
        (import.CreatedCount, import.InvalidCount, import.PublishedCount).Should().Be((2, 0, 2));
        var listings = await _portal.Scenario.WithDbAsync(db =>
            db.Listings.AsNoTracking().Include(l => l.Images).Include(l => l.Variants).Where(l => l.SellerId == sellerId).OrderBy(l => l.Sku).ToListAsync());
        listings.Select(l => (l.Sku, l.Images.Count, l.Variants.Count)).Should().Equal(("KB-TULIS-001", 2, 0), ("KEBAYA-KTB-01", 1, 3));
        listings[1].Variants.OrderBy(v => v.Position).Select(v => v.Label).Should().Equal("Ukuran: S / Warna: Merah", "Ukuran: M / Warna: Merah", "Ukuran: L / Warna: Hitam");
        (listings[1].Price.Amount, listings[1].Stock).Should().Be((275_000, 13));
    }

    [Fact]
    public async Task Indonesian_and_english_headers_are_read_alike_in_any_case_and_order()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var file = CsvUploads.Sheet(
            "Nama Produk,HARGA,stok,Kategori,sku,Asal,gambar",
            $"Kain Batik Tulis Solo,350000,4,Batik Tulis,ID-1,local,{CsvUploads.PhotoName}");

        var import = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, file));

        (import.Status, import.CreatedCount, import.InvalidCount, import.PublishedCount).Should().Be((ListingImportStatus.Completed, 1, 0, 1));
        var listing = await _portal.Scenario.WithDbAsync(db => db.Listings.Include(l => l.Images).SingleAsync(l => l.SellerId == sellerId));
        (listing.Title, listing.Price.Amount, listing.Stock, listing.Images.Count).Should().Be(("Kain Batik Tulis Solo", 350_000, 4, 1));
    }

    [Fact]
    public async Task A_file_without_the_required_columns_fails_as_a_whole_and_says_why()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);

        var importId = await CsvUploads.UploadAsync(client, Encoding.UTF8.GetBytes("nama,harga\r\nKain,1000\r\n"));
        var import = await CsvUploads.FinishedAsync(_portal, client, importId);

        import.Status.Should().Be(ListingImportStatus.Failed);
        (await client.GetDocumentAsync($"/Seller/Uploads/Details/{importId}")).QuerySelector("#import-status")!.TextContent.Should().Contain("Baris pertama harus berisi nama kolom");
        (await _portal.ListingCountAsync(sellerId)).Should().Be(0);
    }

    private Task<List<(string Sku, ListingState State, long Price, int Stock, DateTimeOffset UpdatedAt, uint Version, int Decisions)>> SnapshotAsync(int sellerId) =>
        _portal.Scenario.WithDbAsync(async db =>
            (await db.Listings.AsNoTracking().Where(l => l.SellerId == sellerId).OrderBy(l => l.Sku)
                .Select(l => new { l.Sku, l.State, l.Price, l.Stock, l.UpdatedAt, l.RowVersion, Decisions = db.PolicyDecisions.Count(d => d.ListingId == l.Id) })
                .ToListAsync())
            .Select(l => (l.Sku, l.State, l.Price.Amount, l.Stock, l.UpdatedAt, l.RowVersion, l.Decisions))
            .ToList());
}

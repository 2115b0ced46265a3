using System.Net;
using System.Text;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>A CSV with its photos in a ZIP: matched by name, checked and re-encoded like uploads, and a hostile ZIP refused.</summary>
public sealed class CsvZipImportTests(CsvZipImportTests.Fixture fixture) : IClassFixture<CsvZipImportTests.Fixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task Rows_get_the_photos_they_name_re_encoded_and_are_published()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var jpeg = TestImages.JpegWithGpsAndTrailer(80, 60, "<script>alert(1)</script>");
        var zip = CsvUploads.Zip(
            CsvUploads.Sheet(
                "sku,kategori,nama_produk,harga,stok,gambar",
                "ZIP-1,anyaman-rotan,Keranjang Rotan Anyam,150000,3,depan.jpg; samping.PNG",
                "ZIP-2,Kopi Bubuk,Kopi Bubuk Toraja 250 g,85000,9,foto/kopi.webp"),
            ("depan.jpg", jpeg), ("samping.png", TestImages.Png()), ("foto/kopi.webp", TestImages.Webp()));

        var import = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, zip, "produk.zip", asIs: true));

        (import.Status, import.CreatedCount, import.InvalidCount, import.PublishedCount).Should().Be((ListingImportStatus.Completed, 2, 0, 2));
        var listings = await _portal.Scenario.WithDbAsync(db => db.Listings.AsNoTracking().Include(l => l.Images).Where(l => l.SellerId == sellerId).OrderBy(l => l.Sku).ToListAsync());
        listings.Select(l => (l.Sku, l.State, l.Images.Count)).Should().Equal(("ZIP-1", ListingState.Published, 2), ("ZIP-2", ListingState.Published, 1));
        listings[0].Images.OrderBy(i => i.Position).Select(i => i.ContentType).Should().Equal("image/jpeg", "image/png");
        var stored = await StoredPhotoBlobs.BytesAsync(fixture.App, listings[0].Images.OrderBy(i => i.Position).First().StoredName);
        Encoding.ASCII.GetString(stored).Should().NotContain("<script>", "the photo was decoded and encoded again, its trailer dropped");
        stored.AsSpan().IndexOf("Exif"u8).Should().Be(-1);

        var again = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, zip, "produk.zip", asIs: true));
        (again.UnchangedCount, again.PublishedCount).Should().Be((2, 0));
        (await _portal.Scenario.WithDbAsync(db => db.ListingImages.CountAsync(i => db.Listings.Any(l => l.Id == i.ListingId && l.SellerId == sellerId)))).Should().Be(3, "the same file twice adds no photo");
    }

    [Fact]
    public async Task Rows_naming_the_same_photo_share_one_stored_picture_and_an_upload_again_stores_no_file()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var zip = CsvUploads.Zip(
            CsvUploads.Sheet(
                "sku,kategori,nama_produk,harga,stok,gambar",
                "SAMA-1,anyaman-rotan,Tas Rotan Bulat Kecil,120000,3,sama.png",
                "SAMA-2,anyaman-rotan,Tas Rotan Bulat Sedang,150000,3,sama.png",
                "SAMA-3,anyaman-rotan,Tas Rotan Bulat Besar,180000,3,SAMA.PNG"),
            ("sama.png", TestImages.Png()));

        var import = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, zip, "tas.zip", asIs: true));

        (import.Status, import.PublishedCount).Should().Be((ListingImportStatus.Completed, 3));
        var names = await _portal.Scenario.WithDbAsync(db => db.ListingImages.Where(i => db.Listings.Any(l => l.Id == i.ListingId && l.SellerId == sellerId)).Select(i => i.StoredName).ToListAsync());
        names.Should().HaveCount(3).And.AllBe(names[0], "one picture is stored once, however many rows name it");
        (await StoredPhotoBlobs.KeysAsync(fixture.App)).Should().Contain(names[0]);
        var files = (await StoredPhotoBlobs.KeysAsync(fixture.App)).Count;

        var again = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, zip, "tas.zip", asIs: true));

        again.UnchangedCount.Should().Be(3);
        (await StoredPhotoBlobs.KeysAsync(fixture.App)).Should().HaveCount(files, "listings that have photos keep theirs, so nothing is stored for them");
    }

    [Fact]
    public async Task One_picture_held_under_several_names_in_the_zip_is_stored_once()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var picture = PhotoCopies.GeneratedPhotos.Draw(7201);
        var zip = CsvUploads.Zip(
            CsvUploads.Sheet(
                "sku,kategori,nama_produk,harga,stok,gambar",
                "NAMA-1,anyaman-rotan,Nampan Rotan Kecil,90000,3,depan.jpg",
                "NAMA-2,anyaman-rotan,Nampan Rotan Besar,120000,3,salinan/depan-lagi.jpg;depan.jpg"),
            ("depan.jpg", picture), ("salinan/depan-lagi.jpg", picture));
        var before = (await StoredPhotoBlobs.KeysAsync(fixture.App)).Count;

        var import = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, zip, "nama.zip", asIs: true));

        (import.Status, import.PublishedCount).Should().Be((ListingImportStatus.Completed, 2));
        var names = await _portal.Scenario.WithDbAsync(db => db.ListingImages.Where(i => db.Listings.Any(l => l.Id == i.ListingId && l.SellerId == sellerId)).Select(i => i.StoredName).ToListAsync());
        names.Should().HaveCount(2, "a row naming one picture twice holds it once").And.AllBe(names[0], "the picture is stored once, by its content");
        ((await StoredPhotoBlobs.KeysAsync(fixture.App)).Count - before).Should().Be(2, "one picture and its thumbnail");
    }

    [Fact]
    public async Task A_zip_of_8_photos_named_by_40_rows_stores_8_pictures_not_40()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var photos = Enumerable.Range(0, 8).Select(i => ($"foto-{i}.png", PhotoCopies.GeneratedPhotos.Draw(7001 + i))).ToArray();
        var rows = Enumerable.Range(1, 40).Select(i => $"LIPAT-{i},anyaman-rotan,Keranjang Rotan Anyam Nomor {i},95000,2,foto-{i % 8}.png").ToArray();
        var before = (await StoredPhotoBlobs.KeysAsync(fixture.App)).Count;

        var import = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, CsvUploads.Zip(CsvUploads.Sheet("sku,kategori,nama_produk,harga,stok,gambar", rows), photos), "lipat.zip", asIs: true));

        import.Status.Should().Be(ListingImportStatus.Completed);
        var names = await _portal.Scenario.WithDbAsync(db => db.ListingImages.Where(i => db.Listings.Any(l => l.Id == i.ListingId && l.SellerId == sellerId)).Select(i => i.StoredName).ToListAsync());
        names.Should().HaveCount(40, "every listing has its photo");
        names.Distinct().Should().HaveCount(8, "each distinct picture is stored once");
        ((await StoredPhotoBlobs.KeysAsync(fixture.App)).Count - before).Should().BeLessThanOrEqualTo(16, "8 pictures and their thumbnails are written, not 40 of each");
    }

    [Fact]
    public async Task Past_the_shops_photo_quota_no_picture_is_stored_and_each_row_that_needed_one_is_told_why()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var photos = Enumerable.Range(0, 12).Select(i => ($"kuota-{i}.png", PhotoCopies.GeneratedPhotos.Draw(7101 + i))).ToArray();
        var rows = Enumerable.Range(0, 12).Select(i => $"KUOTA-{i},anyaman-rotan,Tikar Pandan Motif {i},95000,2,kuota-{i}.png").ToArray();

        var importId = await CsvUploads.UploadAsync(client, CsvUploads.Zip(CsvUploads.Sheet("sku,kategori,nama_produk,harga,stok,gambar", rows), photos), "kuota.zip", asIs: true);
        var import = await CsvUploads.FinishedAsync(_portal, client, importId);

        import.Status.Should().Be(ListingImportStatus.Completed);
        var names = await _portal.Scenario.WithDbAsync(db => db.ListingImages.Where(i => db.Listings.Any(l => l.Id == i.ListingId && l.SellerId == sellerId)).Select(i => i.StoredName).Distinct().CountAsync());
        names.Should().Be(Fixture.PhotoQuota);
        var page = await client.GetDocumentAsync($"/Seller/Uploads/Details/{importId}");
        page.Body!.TextContent.Should().Contain("Kuota foto toko Anda sudah penuh");
        var problems = await _portal.Scenario.WithDbAsync(db => db.ListingImportProblems.CountAsync(p => p.ImportId == importId && p.ProblemKey == Marketplace.Web.Features.Sellers.Images.PhotoQuota.ReachedKey));
        problems.Should().Be(12 - Fixture.PhotoQuota);
    }

    [Fact]
    public async Task A_row_naming_a_missing_photo_or_a_file_that_is_not_an_image_is_reported_by_row_and_not_written()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var zip = CsvUploads.Zip(
            CsvUploads.Sheet(
                "sku,kategori,nama_produk,harga,stok,gambar",
                "OK-1,anyaman-rotan,Keranjang Rotan Kecil,90000,3,ada.png",
                "MISS-1,anyaman-rotan,Keranjang Rotan Hilang,90000,3,ada.png;tidak-ada.jpg",
                "FAKE-1,anyaman-rotan,Keranjang Rotan Palsu,90000,3,palsu.jpg"),
            ("ada.png", TestImages.Png()), ("palsu.jpg", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>bukan foto</body></html>")));

        var import = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, zip, "produk.zip", asIs: true));

        (import.Status, import.CreatedCount, import.InvalidCount, import.PublishedCount).Should().Be((ListingImportStatus.Completed, 1, 2, 1));
        var problems = await _portal.Scenario.WithDbAsync(db => db.ListingImportProblems.Where(p => p.ImportId == import.Id).ToListAsync());
        problems.Select(p => (p.RowNumber, p.Column, p.ProblemKey, p.Value)).Should().BeEquivalentTo(
            [(3, "images", "Csv.Problem.ImageMissing", "tidak-ada.jpg"), (4, "images", "Seller.Image.NotAnImage", "palsu.jpg")]);
        (await _portal.Scenario.WithDbAsync(db => db.Listings.Where(l => l.SellerId == sellerId).Select(l => l.Sku).ToListAsync())).Should().Equal("OK-1");
        var page = await client.GetDocumentAsync($"/Seller/Uploads/Details/{import.Id}");
        page.QuerySelector("#problems tr[data-row='3']")!.TextContent.Should().Contain("tidak-ada.jpg");
        page.QuerySelector("#problems tr[data-row='4']")!.TextContent.Should().Contain("Berkas palsu.jpg bukan gambar").And.NotContain("{0}");
        var sheet = await client.GetStringAsync($"/Seller/Uploads/Details/{import.Id}?handler=Problems");
        sheet.Should().Contain("Berkas palsu.jpg bukan gambar").And.NotContain("{0}");
    }

    public static TheoryData<string, string> HostileZips => new()
    {
        { "bomb", "terlalu besar" },
        { "traversal", "ke luar folder" },
        { "two-sheets", "tepat satu berkas CSV" },
        { "crowd", "terlalu banyak berkas" },
    };

    [Theory]
    [MemberData(nameof(HostileZips))]
    public async Task A_hostile_zip_is_refused_at_upload_with_the_reason_and_nothing_is_queued(string kind, string reason)
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var sheet = CsvUploads.File("BOM-1,anyaman-rotan,Keranjang Rotan,,90000,3,,local");
        var zip = kind switch
        {
            // 20 MB of zeros packs to about 20 KB: past the ratio, and past this fixture's unpacked limit.
            "bomb" => CsvUploads.Zip(sheet, (CsvUploads.PhotoName, new byte[20 * 1024 * 1024])),
            "traversal" => CsvUploads.Zip(sheet, ("../../wwwroot/foto.png", TestImages.Png())),
            "two-sheets" => CsvUploads.Zip(sheet, ("lagi.csv", sheet)),
            _ => CsvUploads.Zip(sheet, [.. Enumerable.Range(0, Fixture.MaxEntries).Select(i => ($"f{i}.png", new byte[] { 1 }))]),
        };

        using var response = await CsvUploads.PostAsync(client, zip, "produk.zip");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FormPost.ParseAsync(response)).QuerySelector("[data-valmsg-for='Upload']")!.TextContent.Should().Contain(reason);
        (await _portal.Scenario.WithDbAsync(db => db.ListingImports.CountAsync(i => i.SellerId == sellerId))).Should().Be(0);
    }

    [Fact]
    public async Task A_zip_entry_that_lies_about_its_size_is_unpacked_no_further_than_it_declared()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var zip = CsvUploads.Zip(CsvUploads.File("LIE-1,anyaman-rotan,Keranjang Rotan,,90000,3,,local"), (CsvUploads.PhotoName, TestImages.Png()));
        Lie(zip, "produk.csv", declared: 10);

        var import = await CsvUploads.FinishedAsync(_portal, client, await CsvUploads.UploadAsync(client, zip, "produk.zip", asIs: true));

        (import.Status, import.FailureKey).Should().Be((ListingImportStatus.Failed, "Csv.Failure.Header"), "only the ten declared bytes of the sheet were read");
        (await _portal.Scenario.WithDbAsync(db => db.Listings.CountAsync(l => l.SellerId == sellerId))).Should().Be(0);
    }

    /// <summary>Rewrites the unpacked size an entry declares, in its local header and in the central directory, as a crafted ZIP does.</summary>
    private static void Lie(byte[] zip, string entry, int declared)
    {
        var name = Encoding.ASCII.GetBytes(entry);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x03 && zip[i + 3] == 0x04 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), declared);
            }
            else if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x01 && zip[i + 3] == 0x02 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), declared);
            }
        }
    }

    public sealed class Fixture : SellerPortalFixture
    {
        public const int MaxEntries = 50;

        public const int PhotoQuota = 10;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Imports:MaxZipEntries"] = MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Imports:MaxUnpackedBytes"] = (16 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Images:MaxPhotosPerShop"] = PhotoQuota.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

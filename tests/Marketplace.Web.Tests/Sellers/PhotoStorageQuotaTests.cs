using System.Net;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>
/// Each shop's photo storage quota in bytes (<c>Images:MaxBytesPerShop</c>), on every way a photo comes in: the form, the
/// API and a CSV ZIP. A shop that reached it is told so in its language and nothing of that entry is saved.
/// </summary>
public sealed class PhotoStorageQuotaTests(PhotoStorageQuotaTests.Fixture fixture) : IClassFixture<PhotoStorageQuotaTests.Fixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task A_full_shop_uploading_through_the_form_is_told_its_storage_is_full_and_nothing_is_saved()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        await FillAsync(sellerId, leaving: 100);
        var blobs = (await StoredPhotoBlobs.KeysAsync(fixture.App)).Count;

        using var response = await SellerPortal.PostMultipartAsync(
            client, "/Seller/Listings/Edit", "/Seller/Listings/Edit?handler=Publish", SellerPortal.ListingFields(PolicyScenario.Rattan, "Keranjang Rotan Penuh"),
            [("Uploads", "penuh.png", TestImages.Png(), "image/png")]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FormPost.ParseAsync(response)).QuerySelector("[data-valmsg-for='Uploads']")!.TextContent
            .Should().Contain("penuh.png").And.Contain("Ruang penyimpanan foto toko Anda sudah penuh");
        (await _portal.ListingCountAsync(sellerId)).Should().Be(0);
        (await StoredPhotoBlobs.KeysAsync(fixture.App)).Should().HaveCount(blobs, "no byte of the refused photo is stored");
    }

    [Fact]
    public async Task A_full_shop_creating_a_listing_through_the_api_gets_a_400_in_english_and_nothing_is_saved()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var token = await SellerPortal.CreateTokenAsync(client);
        await FillAsync(sellerId, leaving: 100);
        var blobs = (await StoredPhotoBlobs.KeysAsync(fixture.App)).Count;
        var api = fixture.App.CreateClient();
        api.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c=en-US|uic=en-US");

        using var response = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings", token, new
        {
            sku = "PENUH-1",
            category = PolicyScenario.Rattan,
            title = "Tas Rotan Penuh",
            description = "Dikirim dari gudang.",
            price = 150_000,
            stock = 3,
            weightGrams = 800,
            publish = true,
            images = new[] { Convert.ToBase64String(TestImages.Png()), Convert.ToBase64String(TestImages.Jpeg()) },
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("photo storage is full");
        (await _portal.ListingCountAsync(sellerId)).Should().Be(0);
        (await StoredPhotoBlobs.KeysAsync(fixture.App)).Should().HaveCount(blobs);
    }

    [Fact]
    public async Task A_zip_import_past_the_storage_quota_stores_no_more_photos_and_reports_and_skips_each_row_that_needed_one()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        await FillAsync(sellerId, leaving: 100);
        var blobs = (await StoredPhotoBlobs.KeysAsync(fixture.App)).Count;
        var zip = CsvUploads.Zip(
            CsvUploads.Sheet("sku,kategori,nama_produk,harga,stok,gambar", "RUANG-1,anyaman-rotan,Tikar Rotan Satu,95000,2,satu.png", "RUANG-2,anyaman-rotan,Tikar Rotan Dua,95000,2,dua.png"),
            ("satu.png", TestImages.Png()), ("dua.png", TestImages.Png(80, 60)));

        var importId = await CsvUploads.UploadAsync(client, zip, "ruang.zip", asIs: true);
        var import = await CsvUploads.FinishedAsync(_portal, client, importId);

        (import.Status, import.CreatedCount, import.InvalidCount).Should().Be((ListingImportStatus.Completed, 0, 2));
        (await _portal.Scenario.WithDbAsync(db => db.ListingImportProblems.CountAsync(p => p.ImportId == importId && p.ProblemKey == PhotoLedger.StorageFullKey))).Should().Be(2);
        (await client.GetDocumentAsync($"/Seller/Uploads/Details/{importId}")).Body!.TextContent.Should().Contain("Ruang penyimpanan foto toko Anda sudah penuh");
        (await _portal.ListingCountAsync(sellerId)).Should().Be(0);
        (await StoredPhotoBlobs.KeysAsync(fixture.App)).Should().HaveCount(blobs);
    }

    [Fact]
    public async Task Concurrent_uploads_of_a_shop_with_room_for_one_photo_store_exactly_one()
    {
        var probe = await _portal.Scenario.CreateSellerAsync(SellerOrigin.Local);
        var shop = await _portal.Scenario.CreateSellerAsync(SellerOrigin.Local);
        var picture = PhotoCopies.GeneratedPhotos.Draw(9401);
        var store = fixture.App.Services.GetRequiredService<ImageStore>();
        var size = await SizeAsync((await store.SaveAsync("ukur.jpg", picture, probe, CancellationToken.None)).Image!.Name);
        await FillAsync(shop, leaving: size);

        var uploads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.SaveAsync("sama.jpg", picture, shop, CancellationToken.None))));

        uploads.Count(u => u.Image is not null).Should().Be(1, "the quota holds under concurrent uploads");
        uploads.Where(u => u.Image is null).Select(u => u.ProblemKey).Should().AllBe(PhotoLedger.StorageFullKey);
        (await _portal.Scenario.WithDbAsync(db => db.StoredPhotos.Where(p => p.SellerId == shop).SumAsync(p => p.SizeBytes))).Should().Be(Fixture.MaxBytes);
    }

    /// <summary>Records photos for the shop until <paramref name="leaving"/> bytes of its quota are left.</summary>
    private Task<int> FillAsync(int sellerId, long leaving) =>
        _portal.Scenario.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO stored_photos (name, seller_id, size_bytes, stored_at) VALUES ({Guid.NewGuid().ToString("N") + ".jpg"}, {sellerId}, {Fixture.MaxBytes - leaving}, now())"));

    private Task<long> SizeAsync(string name) => _portal.Scenario.WithDbAsync(db => db.StoredPhotos.Where(p => p.Name == name).Select(p => p.SizeBytes).SingleAsync());

    public sealed class Fixture : SellerPortalFixture
    {
        public const long MaxBytes = 50_000_000;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Images:MaxBytesPerShop"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

using System.Net;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>
/// Two web nodes on one database, each with its own photo folder: a photo uploaded through one is served by the other,
/// and a photo a node kept in its folder before shared storage is copied in when that node starts.
/// </summary>
public sealed class SharedPhotoStorageTests : IAsyncLifetime
{
    private readonly string _folderA = Path.Combine(Path.GetTempPath(), "marketplace-node-a-" + Guid.NewGuid().ToString("N"));
    private readonly string _folderB = Path.Combine(Path.GetTempPath(), "marketplace-node-b-" + Guid.NewGuid().ToString("N"));
    private readonly string _legacyName = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + ".jpg";
    private readonly byte[] _legacyPhoto = PhotoCopies.GeneratedPhotos.Draw(9301);
    private MarketplaceApp? _a;
    private MarketplaceApp? _b;
    private long _legacyListing;
    private int _legacySeller;

    private MarketplaceApp A => _a!;

    private MarketplaceApp B => _b!;

    public async Task InitializeAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync(nameof(SharedPhotoStorageTests));
        _a = new MarketplaceApp(database, new Dictionary<string, string?> { ["Images:Directory"] = _folderA });
        _ = A.Server;

        // Before node B starts: a listing whose photo is only a file in B's folder, as every photo was before shared storage.
        var scenario = new PolicyScenario(A);
        _legacySeller = await scenario.CreateSellerAsync(SellerOrigin.Local);
        _legacyListing = await scenario.CreateDraftAsync(_legacySeller, PolicyScenario.Rattan, "Keranjang Rotan Lama", withPhoto: false);
        await scenario.WithDbAsync(async db =>
        {
            (await db.Listings.Include(l => l.Images).SingleAsync(l => l.Id == _legacyListing)).AddImage(_legacyName, "image/jpeg");
            return await db.SaveChangesAsync();
        });
        Directory.CreateDirectory(_folderB);
        await File.WriteAllBytesAsync(Path.Combine(_folderB, _legacyName), _legacyPhoto);

        _b = new MarketplaceApp(database, new Dictionary<string, string?> { ["Images:Directory"] = _folderB });
        _ = B.Server;
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        foreach (var folder in new[] { _folderA, _folderB }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_photo_uploaded_through_node_a_is_served_by_node_b_with_its_thumbnail_and_the_same_cache_rules()
    {
        var portal = new SellerPortal(A);
        var (_, seller) = await portal.SellerAsync(SellerOrigin.Local);
        using var saved = await SellerPortal.PostMultipartAsync(
            seller, "/Seller/Listings/Edit", "/Seller/Listings/Edit?handler=Save", SellerPortal.ListingFields(PolicyScenario.Rattan, "Tas Rotan Dua Node"),
            [("Uploads", "dua-node.png", TestImages.Png(1200, 800), "image/png")]);
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = long.Parse(saved.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var name = (await portal.ListingAsync(id))!.Images.Single().StoredName;
        (await portal.Scenario.PublishAsync(id)).State.Should().Be(ListingState.Published);
        var onA = A.CreateBrowserClient();
        var onB = B.CreateBrowserClient();

        foreach (var path in new[] { $"/images/{name}", $"/images/thumbs/{name}" })
        {
            using var fromA = await onA.GetAsync(path);
            using var fromB = await onB.GetAsync(path);

            fromB.StatusCode.Should().Be(HttpStatusCode.OK, path);
            (await fromB.Content.ReadAsByteArrayAsync()).Should().Equal(await fromA.Content.ReadAsByteArrayAsync(), "both nodes read one storage");
            fromB.Content.Headers.ContentType!.MediaType.Should().Be(path.Contains("thumbs", StringComparison.Ordinal) ? "image/webp" : "image/png");
            fromB.Headers.CacheControl!.Public.Should().BeTrue();
            fromB.Headers.CacheControl.MaxAge.Should().Be(TimeSpan.FromMinutes(5));
            fromB.Headers.ETag.Should().Be(fromA.Headers.ETag, "a cache revalidates with whichever node it reaches");
            using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
            revalidate.Headers.IfNoneMatch.Add(fromA.Headers.ETag!);
            using var notModified = await onB.SendAsync(revalidate);
            notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
            notModified.Headers.CacheControl!.Public.Should().BeTrue();
        }

        Directory.Exists(_folderA).Should().BeFalse("node A wrote nothing to its own disk");
    }

    [Fact]
    public async Task A_photo_kept_in_a_nodes_folder_before_shared_storage_is_copied_at_start_fingerprinted_and_served_by_the_other_node()
    {
        var stored = await Eventually.WaitForAsync(
            () => WithDbAsync(db => db.StoredPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.Name == _legacyName)),
            p => p is not null,
            "node B to copy its old folder at start");
        stored!.SellerId.Should().Be(_legacySeller, "the photo counts against the shop whose listing uses it");
        await Eventually.WaitForAsync(() => WithDbAsync(db => db.PhotoFingerprints.CountAsync(f => f.StoredName == _legacyName)), n => n > 0, "the copied photo to be fingerprinted");
        (await new PolicyScenario(A).PublishAsync(_legacyListing)).State.Should().Be(ListingState.Published);

        using var photo = await A.CreateBrowserClient().GetAsync($"/images/{_legacyName}");
        using var thumbnail = await A.CreateBrowserClient().GetAsync($"/images/thumbs/{_legacyName}");

        photo.StatusCode.Should().Be(HttpStatusCode.OK);
        (await photo.Content.ReadAsByteArrayAsync()).Should().Equal(_legacyPhoto);
        thumbnail.StatusCode.Should().Be(HttpStatusCode.OK, "a copied photo without a thumbnail gets one on first request");
        TestImages.SizeOf(await thumbnail.Content.ReadAsByteArrayAsync()).Width.Should().Be(320);
        (await B.Services.GetRequiredService<PhotoFolderBackfill>().CopyAsync(CancellationToken.None)).Should().Be(0, "a photo already copied is not copied again");
        File.Exists(Path.Combine(_folderB, _legacyName)).Should().BeTrue("the old folder is left as it was");
    }

    private async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> read)
    {
        using var scope = A.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }
}

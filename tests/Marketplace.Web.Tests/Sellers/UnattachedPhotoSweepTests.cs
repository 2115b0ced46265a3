using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>Photos that nothing uses are removed by the periodic job once the grace period has passed, with their fingerprints, freeing the shop's quota.</summary>
public sealed class UnattachedPhotoSweepTests(UnattachedPhotoSweepTests.Fixture fixture) : IClassFixture<UnattachedPhotoSweepTests.Fixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task An_unattached_photo_older_than_the_grace_is_removed_with_its_fingerprints_while_used_and_young_photos_stay()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var store = fixture.App.Services.GetRequiredService<ImageStore>();
        var used = (await store.SaveAsync("dipakai.jpg", PhotoCopies.GeneratedPhotos.Draw(9501), seller, CancellationToken.None)).Image!;
        var listing = await _scenario.CreateDraftAsync(seller, PolicyScenario.Rattan, "Keranjang Rotan Terpakai", withPhoto: false);
        await _scenario.WithDbAsync(async db =>
        {
            (await db.Listings.Include(l => l.Images).SingleAsync(l => l.Id == listing)).AddImage(used.Name, used.ContentType);
            return await db.SaveChangesAsync();
        });
        var orphan = (await store.SaveAsync("yatim.jpg", PhotoCopies.GeneratedPhotos.Draw(9502), seller, CancellationToken.None)).Image!.Name;
        (await FingerprintsAsync(orphan)).Should().BePositive();

        fixture.Clock.Advance(TimeSpan.FromHours(Fixture.GraceHours) - TimeSpan.FromMinutes(1));
        var justNow = fixture.Clock.GetUtcNow();
        await Eventually.WaitForAsync(() => SweepDueAsync(), due => due >= justNow.AddMinutes(1), "the sweep to run once before the grace has passed");
        (await RecordedAsync(orphan)).Should().BeTrue("the photo is not older than the grace yet");
        var young = (await store.SaveAsync("muda.jpg", PhotoCopies.GeneratedPhotos.Draw(9503), seller, CancellationToken.None)).Image!.Name;
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));

        await Eventually.WaitForAsync(() => RecordedAsync(orphan), recorded => !recorded, "the sweep to remove the unattached photo");
        (await StoredPhotoBlobs.KeysAsync(fixture.App)).Should().NotContain([orphan, PhotoKeys.ThumbnailOf(orphan)]).And.Contain([used.Name, PhotoKeys.ThumbnailOf(used.Name), young]);
        (await FingerprintsAsync(orphan)).Should().Be(0);
        (await FingerprintsAsync(used.Name)).Should().BePositive();
        (await RecordedAsync(used.Name)).Should().BeTrue();
        (await RecordedAsync(young)).Should().BeTrue("a photo younger than the grace may still be attached by the save that stored it");
    }

    /// <summary>When the sweep is next due, once no node is running it.</summary>
    private Task<DateTimeOffset?> SweepDueAsync() =>
        _scenario.WithDbAsync(db => db.Database
            .SqlQuery<DateTimeOffset?>($"SELECT next_run_at AS \"Value\" FROM job_leases WHERE name = 'unattached-photos' AND lease_expires_at IS NULL")
            .SingleOrDefaultAsync());

    private Task<bool> RecordedAsync(string name) => _scenario.WithDbAsync(db => db.StoredPhotos.AnyAsync(p => p.Name == name));

    private Task<int> FingerprintsAsync(string name) => _scenario.WithDbAsync(db => db.PhotoFingerprints.CountAsync(f => f.StoredName == name));

    public sealed class Fixture : SellerPortalFixture
    {
        public const int GraceHours = 24;

        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));

        protected override TimeProvider? OwnClock => Clock;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Images:UnattachedGraceHours"] = GraceHours.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Images:SweepMinutes"] = "1",
        };
    }
}

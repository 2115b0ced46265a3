using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Admin.Review;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Sellers.PhotoCopies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Policy;

/// <summary>
/// A photo of a listing refused for a closed cluster, re-used (mirrored, cropped) on a listing with an innocent
/// text in an open category, holds that listing for review through the real publish path; the admin's review card
/// shows both photos; the front-detection query finds the shops that share photos.
/// </summary>
public sealed class ReusedPhotoHoldTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task A_cross_border_listing_re_using_a_photo_of_a_refused_batik_listing_waits_for_review_whatever_its_text()
    {
        var photo = GeneratedPhotos.Draw(501);
        var refusedShop = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var refused = await _scenario.CreateDraftAsync(refusedShop, PolicyScenario.Textile, "Kain Batik Tulis Motif Parang", origin: ProductOrigin.Imported, photo: photo);
        (await _scenario.PublishAsync(refused)).Verdict.ReasonCodes.Should().Contain(ReasonCodes.ClusterBlocked);

        var otherShop = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var copy = GeneratedPhotos.Copies.Single(c => c.Name == "mirrored").Make(photo);
        var reused = await _scenario.CreateDraftAsync(otherShop, PolicyScenario.PhoneCases, "Casing HP Silikon Bening", origin: ProductOrigin.Imported, photo: copy);
        var own = await _scenario.CreateDraftAsync(otherShop, PolicyScenario.PhoneCases, "Casing HP Kulit", origin: ProductOrigin.Imported, photo: GeneratedPhotos.Draw(502));

        var held = await _scenario.PublishAsync(reused);
        var published = await _scenario.PublishAsync(own);

        held.State.Should().Be(ListingState.PendingReview);
        held.Verdict.ReasonCodes.Should().Equal(ReasonCodes.PhotoMatchesBannedListing);
        held.Verdict.Reasons[0].MessageId.Should().Contain("#" + refused);
        published.State.Should().Be(ListingState.Published, "a photo of its own is no reason to wait");

        using (var scope = fixture.App.Services.CreateScope())
        {
            var card = (await scope.ServiceProvider.GetRequiredService<ListingReview>().WaitingAsync(null, CancellationToken.None)).Listings.Single(l => l.Id == reused);
            card.ReusedPhoto.Should().NotBeNull();
            card.ReusedPhoto!.MatchedListingId.Should().Be(refused);
            card.ReusedPhoto.MatchedSellerId.Should().Be(refusedShop);
        }

        var approved = await _scenario.PublicationAsync(p => p.ApproveReviewAsync(reused, "admin@example.id"));

        approved.State.Should().Be(ListingState.Published, "an admin who found the photo harmless lets the listing go live");
    }

    [Fact]
    public async Task An_unverified_local_shop_re_using_the_photo_waits_and_a_verified_one_does_not()
    {
        var photo = GeneratedPhotos.Draw(511);
        var refusedShop = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var refused = await _scenario.CreateDraftAsync(refusedShop, PolicyScenario.Coffee, "Kopi Arabika Gayo", origin: ProductOrigin.Imported, photo: photo);
        await _scenario.PublishAsync(refused);
        var cropped = GeneratedPhotos.Copies.Single(c => c.Name == "cropped 10 % (right edge)").Make(photo);

        var unverified = await _scenario.CreateSellerAsync(SellerOrigin.Local, verified: false);
        var verified = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var claimed = await _scenario.CreateDraftAsync(unverified, PolicyScenario.PhoneCases, "Casing HP Anti Gores", photo: cropped);
        var honest = await _scenario.CreateDraftAsync(verified, PolicyScenario.PhoneCases, "Casing HP Motif", photo: cropped);

        (await _scenario.PublishAsync(claimed)).Verdict.ReasonCodes.Should().Equal(ReasonCodes.PhotoMatchesBannedListing);
        (await _scenario.PublishAsync(honest)).State.Should().Be(ListingState.Published);
    }

    [Fact]
    public async Task The_front_detection_query_names_the_other_shops_with_a_near_identical_photo()
    {
        var photo = GeneratedPhotos.Draw(521);
        var asking = await _scenario.CreateSellerAsync(SellerOrigin.Local, verified: false);
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var unrelated = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        await _scenario.CreateDraftAsync(asking, PolicyScenario.PhoneCases, "Casing HP", photo: photo);
        await _scenario.CreateDraftAsync(asking, PolicyScenario.PhoneCases, "Casing HP Lain", photo: GeneratedPhotos.Draw(522));
        var foreignListing = await _scenario.CreateDraftAsync(
            foreign, PolicyScenario.PhoneCases, "Phone case", origin: ProductOrigin.Imported, photo: GeneratedPhotos.Copies.Single(c => c.Name == "rescaled to 40 %").Make(photo));
        await _scenario.CreateDraftAsync(unrelated, PolicyScenario.PhoneCases, "Casing HP Lokal", photo: GeneratedPhotos.Draw(523));

        using var scope = fixture.App.Services.CreateScope();
        var shared = await scope.ServiceProvider.GetRequiredService<PhotoMatches>().ShopsSharingPhotosAsync(asking, CancellationToken.None);

        shared.Should().ContainSingle();
        shared[0].OtherSellerId.Should().Be(foreign);
        shared[0].OtherListingId.Should().Be(foreignListing);
    }

    [Fact]
    public async Task Every_stored_photo_is_fingerprinted_and_the_start_up_backfill_restores_missing_ones()
    {
        var stored = await _scenario.StorePhotoAsync(GeneratedPhotos.Draw(531));
        var listing = await _scenario.CreateDraftAsync(await _scenario.CreateSellerAsync(SellerOrigin.Local), PolicyScenario.PhoneCases, "Casing HP");
        var attached = await _scenario.WithDbAsync(db => db.ListingImages.Where(i => i.ListingId == listing).Select(i => i.StoredName).SingleAsync());
        using var scope = fixture.App.Services.CreateScope();

        (await PartsAsync(stored.Name)).Should().Be(PhotoHashes.PartCount);

        await _scenario.WithDbAsync(db => db.PhotoFingerprints.Where(f => f.StoredName == attached).ExecuteDeleteAsync());
        var done = await scope.ServiceProvider.GetRequiredService<PhotoFingerprintBackfill>().BackfillAsync(CancellationToken.None);

        done.Should().BeGreaterThanOrEqualTo(1);
        (await PartsAsync(attached)).Should().Be(PhotoHashes.PartCount);
    }

    private Task<int> PartsAsync(string storedName) => _scenario.WithDbAsync(db => db.PhotoFingerprints.CountAsync(f => f.StoredName == storedName));
}

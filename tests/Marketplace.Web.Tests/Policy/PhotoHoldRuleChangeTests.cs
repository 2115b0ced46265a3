using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Sellers.PhotoCopies;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Policy;

/// <summary>
/// The photo match is a fact every decision reads: a listing held because its photo re-uses a photo of a listing refused
/// for a closed cluster stays held when a rule change decides it again for another reason, and is released when the
/// rule that held it goes. Only photos of refused or taken-down listings are searched, kept in step by the decisions.
/// </summary>
public sealed class PhotoHoldRuleChangeTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    private HashSet<int> _closedClusters = [];

    public async Task InitializeAsync() => _closedClusters = await _scenario.ClosedClustersAsync();

    public Task DisposeAsync() => _scenario.RestoreClustersAsync(_closedClusters);

    [Fact]
    public async Task A_listing_held_for_a_re_used_photo_stays_held_when_its_category_moves_to_another_open_cluster_and_back()
    {
        var (_, held) = await HeldForPhotoAsync(701, "Casing HP Silikon Bening");
        var category = await _scenario.CategoryIdAsync(PolicyScenario.PhoneCases);
        var home = await _scenario.WithDbAsync(db => db.Categories.Where(c => c.Id == category).Select(c => c.ClusterId!.Value).SingleAsync());
        var other = await _scenario.WithDbAsync(db => db.Clusters.Where(c => c.Id != home && !_closedClusters.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

        try
        {
            await _scenario.RulesAsync(r => r.MoveCategoryAsync(category, other, "admin-actor"));
            var afterMove = await _scenario.ListingAsync(held);

            afterMove.State.Should().Be(ListingState.PendingReview, "the photo still re-uses a refused listing's photo");
            afterMove.ReasonCodes.Should().Equal(ReasonCodes.PhotoMatchesBannedListing);
        }
        finally
        {
            await _scenario.RulesAsync(r => r.MoveCategoryAsync(category, home, "admin-actor"));
        }

        (await _scenario.ListingAsync(held)).State.Should().Be(ListingState.PendingReview);
        (await _scenario.IsVisibleAsync(held)).Should().BeFalse();
    }

    [Fact]
    public async Task Reopening_the_cluster_its_words_named_keeps_the_photo_hold_and_reopening_the_photos_cluster_releases_it_with_a_notice()
    {
        var (seller, held) = await HeldForPhotoAsync(711, "Casing HP Motif Biji Kopi Arabika");
        (await _scenario.ListingAsync(held)).ReasonCodes.Should().Equal(ReasonCodes.SuspectedMisclassification, ReasonCodes.PhotoMatchesBannedListing);
        var food = await _scenario.ClusterIdAsync(ClusterCodes.FoodBeverage);
        var textile = await _scenario.ClusterIdAsync(ClusterCodes.Textile);

        await _scenario.RulesAsync(r => r.OpenClusterAsync(food, "Uji", "admin-actor"));
        var afterFood = await _scenario.ListingAsync(held);
        await _scenario.RulesAsync(r => r.OpenClusterAsync(textile, "Uji", "admin-actor"));

        afterFood.State.Should().Be(ListingState.PendingReview, "the batik photo's cluster is still closed");
        afterFood.ReasonCodes.Should().Contain(ReasonCodes.PhotoMatchesBannedListing);
        (await _scenario.ListingAsync(held)).State.Should().Be(ListingState.Published, "what a rule held, a rule releases");
        (await _scenario.NotificationsAsync(seller)).Select(n => n.Kind).Should().Contain(SellerNotificationKind.ListingsReleasedFromReview);
    }

    [Fact]
    public async Task Only_photos_of_listings_taken_down_for_a_closed_cluster_are_searched_and_they_leave_when_the_listing_comes_back()
    {
        var textile = await _scenario.ClusterIdAsync(ClusterCodes.Textile);
        await _scenario.RulesAsync(r => r.OpenClusterAsync(textile, "Uji", "admin-actor"));
        var photo = GeneratedPhotos.Draw(721);
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var batik = await _scenario.CreateDraftAsync(foreign, PolicyScenario.Textile, "Kain Batik Cap", origin: ProductOrigin.Imported, photo: photo);
        (await _scenario.PublishAsync(batik)).State.Should().Be(ListingState.Published);
        var whileLive = await BannedPartsAsync(batik);

        await _scenario.RulesAsync(r => r.BlockClusterAsync(textile, null, "Uji", "admin-actor"));
        var whileDown = await BannedPartsAsync(batik);
        var copyShop = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var copy = await _scenario.CreateDraftAsync(
            copyShop, PolicyScenario.PhoneCases, "Casing HP Polos", origin: ProductOrigin.Imported, photo: GeneratedPhotos.Copies.Single(c => c.Name == "rescaled to 40 %").Make(photo));
        var copyHeld = await _scenario.PublishAsync(copy);
        await _scenario.RulesAsync(r => r.OpenClusterAsync(textile, "Uji", "admin-actor"));

        whileLive.Should().Be(0, "a live listing's photos are not searched");
        whileDown.Should().Be(PhotoHashes.PartCount);
        copyHeld.Verdict.ReasonCodes.Should().Equal(ReasonCodes.PhotoMatchesBannedListing);
        (await _scenario.ListingAsync(batik)).State.Should().Be(ListingState.Published);
        (await BannedPartsAsync(batik)).Should().Be(0, "a listing that came back leaves the banned photos");
        (await _scenario.ListingAsync(copy)).State.Should().Be(ListingState.Published, "the photo's cluster opened again");
    }

    /// <summary>A cross-border listing refused for the closed textile cluster, and another shop's listing held because it re-uses its photo, mirrored.</summary>
    private async Task<(int Seller, long Held)> HeldForPhotoAsync(int seed, string title)
    {
        var photo = GeneratedPhotos.Draw(seed);
        var refusedShop = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var refused = await _scenario.CreateDraftAsync(refusedShop, PolicyScenario.Textile, "Kain Batik Tulis Motif Parang", origin: ProductOrigin.Imported, photo: photo);
        (await _scenario.PublishAsync(refused)).Verdict.ReasonCodes.Should().Contain(ReasonCodes.ClusterBlocked);
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var held = await _scenario.CreateDraftAsync(
            seller, PolicyScenario.PhoneCases, title, origin: ProductOrigin.Imported, photo: GeneratedPhotos.Copies.Single(c => c.Name == "mirrored").Make(photo));
        (await _scenario.PublishAsync(held)).Verdict.ReasonCodes.Should().Contain(ReasonCodes.PhotoMatchesBannedListing);
        return (seller, held);
    }

    private Task<int> BannedPartsAsync(long listingId) =>
        _scenario.WithDbAsync(db => db.Set<BannedPhotoPart>().CountAsync(p => p.ListingId == listingId));
}

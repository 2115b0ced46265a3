using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Sellers;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Policy;

/// <summary>
/// What a rule held is decided again when the rule goes away, and every listing a rule change moves, either way, is told to
/// its seller. One seller action is one decision and at most one strike.
/// </summary>
public sealed class HeldListingsTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>, IAsyncLifetime
{
    private readonly SellerPortal _portal = new(fixture.App);

    private HashSet<int> _closedClusters = [];

    private PolicyScenario Scenario => _portal.Scenario;

    public async Task InitializeAsync() => _closedClusters = await Scenario.ClosedClustersAsync();

    public Task DisposeAsync() => Scenario.RestoreClustersAsync(_closedClusters);

    [Fact]
    public async Task Moving_a_category_into_a_closed_cluster_and_back_releases_the_unverified_local_shops_listings_it_held()
    {
        var category = await Scenario.CategoryIdAsync("puzzle-edukasi");
        var home = await Scenario.WithDbAsync(db => db.Categories.Where(c => c.Id == category).Select(c => c.ClusterId!.Value).SingleAsync());
        var textile = await Scenario.ClusterIdAsync(ClusterCodes.Textile);
        var unverified = await Scenario.CreateSellerAsync(SellerOrigin.Local, verified: false);
        var listing = await Scenario.CreatePublishedAsync(unverified, "puzzle-edukasi", "Puzzle Kayu Jati");

        await Scenario.RulesAsync(r => r.MoveCategoryAsync(category, textile, "admin-actor"));
        var held = await Scenario.ListingAsync(listing);
        await Scenario.RulesAsync(r => r.MoveCategoryAsync(category, home, "admin-actor"));

        held.State.Should().Be(ListingState.PendingReview);
        held.ReasonCodes.Should().Contain(ReasonCodes.UnverifiedLocalOrigin);
        (await Scenario.ListingAsync(listing)).State.Should().Be(ListingState.Published);
        (await Scenario.IsVisibleAsync(listing)).Should().BeTrue();
        (await Scenario.NotificationsAsync(unverified)).Select(n => n.Kind).Should().Equal(
            SellerNotificationKind.ListingsNeedReview, SellerNotificationKind.ListingsReleasedFromReview);
    }

    [Fact]
    public async Task Reopening_a_cluster_tells_the_seller_whose_held_listing_it_released()
    {
        var textile = await Scenario.ClusterIdAsync(ClusterCodes.Textile);
        await Scenario.RulesAsync(r => r.OpenClusterAsync(textile, "Uji", "admin-actor"));
        var foreign = await Scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await Scenario.CreatePublishedAsync(foreign, PolicyScenario.PhoneCases, "Casing HP Motif Batik Parang", ProductOrigin.Imported);
        await Scenario.RulesAsync(r => r.BlockClusterAsync(textile, null, "Uji", "admin-actor"));
        var held = await Scenario.ListingAsync(listing);

        await Scenario.RulesAsync(r => r.OpenClusterAsync(textile, "Uji", "admin-actor"));

        held.State.Should().Be(ListingState.PendingReview, "the closure screened its words against the textile lexicon");
        (await Scenario.ListingAsync(listing)).State.Should().Be(ListingState.Published);
        var notices = await Scenario.NotificationsAsync(foreign);
        notices.Select(n => n.Kind).Should().Equal(SellerNotificationKind.ListingsNeedReview, SellerNotificationKind.ListingsReleasedFromReview);
        notices[^1].MessageId.Should().Contain("1 produk");
        notices[^1].MessageEn.Should().Contain("1 of your listings");
    }

    [Fact]
    public async Task One_click_of_publish_on_an_edit_into_a_closed_cluster_is_one_decision_and_one_strike()
    {
        var (seller, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await Scenario.CreatePublishedAsync(seller, PolicyScenario.PhoneCases, "Casing HP Silikon", ProductOrigin.Imported);
        var decisionsBefore = (await Scenario.DecisionsAsync(listing)).Count;
        var fields = SellerPortal.ListingFields(PolicyScenario.Textile, "Kain Tulis Premium");
        fields["Input.Version"] = (await Scenario.ListingAsync(listing)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var warned = await SellerPortal.PostListingAsync(client, "Publish", fields, listing);
        var warnedDecisions = (await Scenario.DecisionsAsync(listing)).Count - decisionsBefore;
        fields["StrikeAccepted"] = "true";
        using var response = await SellerPortal.PostListingAsync(client, "Publish", fields, listing);

        warnedDecisions.Should().Be(0, "the first click only warns");
        var decisions = (await Scenario.DecisionsAsync(listing)).Skip(decisionsBefore).ToList();
        decisions.Should().ContainSingle().Which.Outcome.Should().Be(PolicyOutcome.Blocked);
        (await Scenario.WithDbAsync(db => db.Strikes.CountAsync(s => s.SellerId == seller))).Should().Be(1);
    }
}

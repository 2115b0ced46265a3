using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Policy;

/// <summary>When an input of the policy changes, the listings it reaches are decided again in the same transaction.</summary>
public sealed class RuleChangeTests(RuleChangeTests.Fixture fixture) : IClassFixture<RuleChangeTests.Fixture>, IAsyncLifetime
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    private HashSet<int> _closedClusters = [];

    public async Task InitializeAsync() => _closedClusters = await _scenario.ClosedClustersAsync();

    public Task DisposeAsync() => _scenario.RestoreClustersAsync(_closedClusters);

    [Fact]
    public async Task Blocking_a_cluster_suspends_its_live_cross_border_listings_and_opening_it_brings_exactly_those_back()
    {
        var toys = await _scenario.ClusterIdAsync(ReferenceCatalog.Toys);
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var local = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var crossBorder = await _scenario.CreatePublishedAsync(foreign, "puzzle-edukasi", "Puzzle Kayu Anak", ProductOrigin.Imported);
        var adminSuspended = await _scenario.CreatePublishedAsync(foreign, "puzzle-edukasi", "Balok Susun Warna", ProductOrigin.Imported);
        var localToy = await _scenario.CreatePublishedAsync(local, "puzzle-edukasi", "Congklak Kayu Jati");
        // An admin's take-down, as stored: no rule may bring it back.
        await _scenario.WithDbAsync(db => db.Listings.Where(l => l.Id == adminSuspended).ExecuteUpdateAsync(u => u
            .SetProperty(l => l.State, ListingState.Suspended)
            .SetProperty(l => l.SuspendedBy, SuspensionSource.Admin)
            .SetProperty(l => l.StateNote, "Foto menyesatkan")));

        var (block, effect) = await _scenario.RulesAsync(r => r.BlockClusterAsync(toys, null, "Uji penutupan", "admin-actor"));

        effect.Suspended.Should().Be(1);
        block.SweptAt.Should().NotBeNull();
        var suspended = await _scenario.ListingAsync(crossBorder);
        suspended.State.Should().Be(ListingState.Suspended);
        suspended.SuspendedBy.Should().Be(SuspensionSource.Policy);
        suspended.ReasonCodes.Should().Equal(ReasonCodes.ClusterBlocked);
        (await _scenario.DecisionsAsync(crossBorder)).Last().Should().Match<PolicyDecision>(d =>
            d.Trigger == DecisionTrigger.ClusterBlocked && d.Outcome == PolicyOutcome.Blocked && d.Actor == "admin-actor" && d.ClusterId == toys);
        (await _scenario.IsVisibleAsync(crossBorder)).Should().BeFalse();
        (await _scenario.ListingAsync(localToy)).State.Should().Be(ListingState.Published);
        (await _scenario.IsVisibleAsync(localToy)).Should().BeTrue();
        (await _scenario.NotificationsAsync(foreign)).Should().ContainSingle(n =>
            n.Kind == SellerNotificationKind.ListingsSuspendedByPolicy && n.ListingCount == 1 && n.ClusterId == toys && n.MessageId.Contains("Mainan"));

        var reopened = await _scenario.RulesAsync(r => r.OpenClusterAsync(toys, "Uji pembukaan", "admin-actor"));

        reopened.Restored.Should().Be(1);
        (await _scenario.ListingAsync(crossBorder)).State.Should().Be(ListingState.Published);
        (await _scenario.IsVisibleAsync(crossBorder)).Should().BeTrue();
        (await _scenario.DecisionsAsync(crossBorder)).Last().Trigger.Should().Be(DecisionTrigger.ClusterOpened);
        var stillDown = await _scenario.ListingAsync(adminSuspended);
        stillDown.State.Should().Be(ListingState.Suspended);
        stillDown.SuspendedBy.Should().Be(SuspensionSource.Admin);
        (await _scenario.NotificationsAsync(foreign)).Should().Contain(n => n.Kind == SellerNotificationKind.ListingsRestoredByPolicy && n.ListingCount == 1);
    }

    [Fact]
    public async Task Every_rule_change_moves_the_policy_version_recorded_on_decisions()
    {
        var household = await _scenario.ClusterIdAsync(ReferenceCatalog.Household);
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "TH");
        var listing = await _scenario.CreatePublishedAsync(seller, "peralatan-masak", "Panci Stainless 24 cm", ProductOrigin.Imported);
        var before = (await _scenario.DecisionsAsync(listing)).Single().PolicyVersion;

        await _scenario.RulesAsync(r => r.BlockClusterAsync(household, null, "Uji versi", "admin"));
        await _scenario.RulesAsync(r => r.OpenClusterAsync(household, "Uji versi", "admin"));

        var versions = (await _scenario.DecisionsAsync(listing)).Select(d => d.PolicyVersion).ToList();
        versions.Should().HaveCount(3).And.BeInAscendingOrder().And.OnlyHaveUniqueItems();
        versions[0].Should().Be(before);
    }

    [Fact]
    public async Task A_scheduled_block_does_not_act_before_its_instant_and_acts_once_by_itself_after_it()
    {
        var automotive = await _scenario.ClusterIdAsync(ReferenceCatalog.Automotive);
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "JP");
        var listing = await _scenario.CreatePublishedAsync(seller, "suku-cadang-motor", "Kampas Rem Motor Matic", ProductOrigin.Imported);

        var (block, effect) = await _scenario.RulesAsync(r => r.BlockClusterAsync(automotive, _scenario.Now.AddHours(1), "Penutupan bertahap", "admin"));

        effect.Decided.Should().Be(0);
        block.SweptAt.Should().BeNull();
        (await _scenario.IsVisibleAsync(listing)).Should().BeTrue();
        (await _scenario.RulesAsync(r => r.SweepDueBlocksAsync())).Should().Be(0);
        (await _scenario.ListingAsync(listing)).State.Should().Be(ListingState.Published);

        fixture.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        (await _scenario.IsVisibleAsync(listing)).Should().BeFalse("the storefront hides the cluster from the instant on, before any sweep");
        var sweeps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _scenario.RulesAsync(r => r.SweepDueBlocksAsync())));
        sweeps.Sum().Should().Be(1, "several nodes sweeping at once apply the block once");
        (await _scenario.ListingAsync(listing)).State.Should().Be(ListingState.Suspended);
        (await _scenario.DecisionsAsync(listing)).Where(d => d.Trigger == DecisionTrigger.ScheduledBlock).Should().ContainSingle()
            .Which.Actor.Should().Be("system");
        (await _scenario.RulesAsync(r => r.SweepDueBlocksAsync())).Should().Be(0);
        await _scenario.RulesAsync(r => r.OpenClusterAsync(automotive, "Selesai", "admin"));
    }

    [Fact]
    public async Task Moving_a_category_into_a_blocked_cluster_re_decides_its_listings()
    {
        var textile = await _scenario.ClusterIdAsync(ClusterCodes.Textile);
        var category = await _scenario.CategoryIdAsync("botol-minum");
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "VN");
        var local = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var crossBorder = await _scenario.CreatePublishedAsync(foreign, "botol-minum", "Botol Minum Termos 500 ml", ProductOrigin.Imported);
        var localBag = await _scenario.CreatePublishedAsync(local, "botol-minum", "Botol Minum Bambu Garut");

        var effect = await _scenario.RulesAsync(r => r.MoveCategoryAsync(category, textile, "admin"));

        effect.Suspended.Should().Be(1);
        (await _scenario.ListingAsync(crossBorder)).State.Should().Be(ListingState.Suspended);
        (await _scenario.DecisionsAsync(crossBorder)).Last().Should().Match<PolicyDecision>(d => d.Trigger == DecisionTrigger.CategoryMoved && d.ClusterId == textile);
        (await _scenario.ListingAsync(localBag)).State.Should().Be(ListingState.Published);
        (await _scenario.IsVisibleAsync(crossBorder)).Should().BeFalse();
        (await _scenario.IsVisibleAsync(localBag)).Should().BeTrue();
    }

    [Fact]
    public async Task A_seller_turning_cross_border_loses_listings_in_blocked_clusters_and_gets_them_back_when_local_again()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var batik = await _scenario.CreatePublishedAsync(seller, PolicyScenario.Textile, "Batik Tulis Madura");
        var phone = await _scenario.CreatePublishedAsync(seller, PolicyScenario.PhoneCases, "Casing HP Motif Polos");

        var abroad = await _scenario.RulesAsync(r => r.ChangeSellerOriginAsync(seller, SellerOrigin.CrossBorder, "MY", "admin"));

        abroad.Suspended.Should().Be(1);
        (await _scenario.ListingAsync(batik)).State.Should().Be(ListingState.Suspended);
        (await _scenario.ListingAsync(phone)).State.Should().Be(ListingState.Published);
        (await _scenario.DecisionsAsync(batik)).Last().Trigger.Should().Be(DecisionTrigger.SellerOriginChanged);

        await _scenario.WithDbAsync(async db =>
        {
            (await db.Sellers.SingleAsync(s => s.Id == seller)).RequestLocalVerification();
            return await db.SaveChangesAsync();
        });
        var home = await _scenario.RulesAsync(r => r.VerifyLocalOriginAsync(seller, "admin"));

        home.Restored.Should().Be(1);
        (await _scenario.ListingAsync(batik)).State.Should().Be(ListingState.Published);
        (await _scenario.IsVisibleAsync(batik)).Should().BeTrue();
    }

    [Fact]
    public async Task Suspending_a_seller_hides_every_listing_at_once_and_reinstating_restores_them()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var listings = new[]
        {
            await _scenario.CreatePublishedAsync(seller, PolicyScenario.Textile, "Songket Palembang"),
            await _scenario.CreatePublishedAsync(seller, PolicyScenario.Coffee, "Kopi Gayo 250 gr"),
        };

        var suspended = await _scenario.RulesAsync(r => r.SuspendSellerAsync(seller, "Pelanggaran berulang", "admin"));

        suspended.Suspended.Should().Be(2);
        foreach (var id in listings)
        {
            (await _scenario.ListingAsync(id)).ReasonCodes.Should().Contain(ReasonCodes.SellerSuspended);
            (await _scenario.IsVisibleAsync(id)).Should().BeFalse();
        }

        (await _scenario.NotificationsAsync(seller)).Should().Contain(n => n.Kind == SellerNotificationKind.ListingsSuspendedByPolicy && n.ListingCount >= 1);

        var reinstated = await _scenario.RulesAsync(r => r.ReinstateSellerAsync(seller, "admin"));

        reinstated.Restored.Should().Be(2);
        foreach (var id in listings)
        {
            (await _scenario.IsVisibleAsync(id)).Should().BeTrue();
        }
    }

    [Fact]
    public async Task The_storefront_hides_a_cross_border_listing_of_a_blocked_cluster_whatever_state_its_row_says()
    {
        var health = await _scenario.ClusterIdAsync(ReferenceCatalog.Health);
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "KR");
        var listing = await _scenario.CreatePublishedAsync(seller, "perawatan-wajah", "Serum Wajah Niacinamide", ProductOrigin.Imported);

        // A block row written without any sweep, as if a sweep had failed: the row still says Published.
        await _scenario.WithDbAsync(async db =>
        {
            db.ClusterBlocks.Add(new ClusterBlock(health, _scenario.Now, "Ditulis langsung", "test", _scenario.Now));
            return await db.SaveChangesAsync();
        });

        (await _scenario.ListingAsync(listing)).State.Should().Be(ListingState.Published);
        (await _scenario.IsVisibleAsync(listing)).Should().BeFalse();
        await _scenario.RulesAsync(r => r.OpenClusterAsync(health, "Selesai", "admin"));
        (await _scenario.IsVisibleAsync(listing)).Should().BeTrue();
    }

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        /// <summary>The site's own periodic jobs stay off on this node, so these tests sweep by hand and count every sweep.</summary>
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:PeriodicOnThisNode"] = "false" };

        protected override TimeProvider? OwnClock => Clock;
    }
}

using Marketplace.Domain.Audit;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Admin;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Enforcement;

/// <summary>Strikes: earned by attempts after a closure, not by sweeps; expiring; suspending the shop at the setting; voidable.</summary>
public sealed class StrikeTests(StrikeTests.Fixture fixture) : IClassFixture<StrikeTests.Fixture>
{
    private readonly EnforcementScenario _scenario = new(fixture.App);

    [Fact]
    public async Task A_blocked_attempt_after_the_closure_earns_a_strike_that_stops_counting_after_the_set_days()
    {
        var seller = await _scenario.Policy.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await _scenario.BlockedAttemptAsync(seller);

        var strike = (await _scenario.StrikeRowsAsync(seller)).Should().ContainSingle().Subject;
        strike.Should().Match<Strike>(s => s.ListingId == listing && s.ReasonCode == ReasonCodes.ClusterBlocked && s.Source == StrikeSource.BlockedAttempt);
        strike.ExpiresAt.Should().Be(strike.IssuedAt.AddDays(30), "the class sets strikes to expire after 30 days");
        (await _scenario.StrikesAsync(seller)).Active.Should().Be(1);

        fixture.Clock.Advance(TimeSpan.FromDays(30));

        var after = await _scenario.StrikesAsync(seller);
        after.Active.Should().Be(0);
        after.Strikes.Should().ContainSingle(s => !s.Active && s.VoidedAt == null);
    }

    [Fact]
    public async Task Listings_a_new_closure_sweeps_down_earn_no_strike_but_an_edit_into_the_closed_cluster_afterwards_does()
    {
        var electronics = await _scenario.Policy.ClusterIdAsync(ReferenceCatalog.Electronics);
        var closed = await _scenario.Policy.ClosedClustersAsync();
        var seller = await _scenario.Policy.CreateSellerAsync(SellerOrigin.CrossBorder, "HK");
        var listing = await _scenario.Policy.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone 5G 8/256", ProductOrigin.Imported);
        try
        {
            await _scenario.Policy.RulesAsync(r => r.BlockClusterAsync(electronics, null, "Tahap berikutnya", "admin"));

            (await _scenario.Policy.ListingAsync(listing)).State.Should().Be(ListingState.Suspended);
            (await _scenario.StrikeRowsAsync(seller)).Should().BeEmpty("a listing legal when listed is grandfathered");

            var republished = await _scenario.Policy.PublishAsync(listing, DecisionTrigger.SellerEdit);

            republished.State.Should().Be(ListingState.Suspended);
            (await _scenario.StrikeRowsAsync(seller)).Should().ContainSingle(s => s.ListingId == listing && s.ClusterId == electronics);
        }
        finally
        {
            await _scenario.Policy.RestoreClustersAsync(closed);
        }
    }

    [Fact]
    public async Task The_set_number_of_active_strikes_suspends_the_shop_through_the_policy_with_a_notice()
    {
        var seller = await _scenario.Policy.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var live = await _scenario.Policy.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone Lipat", ProductOrigin.Imported);

        for (var i = 0; i < 2; i++)
        {
            await _scenario.BlockedAttemptAsync(seller, $"Batik Cap {i}");
        }

        (await _scenario.ShopAsync(seller)).Status.Should().Be(SellerStatus.Active, "two strikes are below the class's setting of three");
        await _scenario.BlockedAttemptAsync(seller, "Batik Cap 3");

        var shop = await _scenario.ShopAsync(seller);
        shop.Status.Should().Be(SellerStatus.Suspended);
        shop.SuspensionReason.Should().Contain("3 pelanggaran aktif");
        (await _scenario.Policy.ListingAsync(live)).State.Should().Be(ListingState.Suspended);
        (await _scenario.Policy.IsVisibleAsync(live)).Should().BeFalse();
        (await _scenario.Policy.DecisionsAsync(live)).Last().Trigger.Should().Be(DecisionTrigger.SellerSuspended);
        (await _scenario.Policy.NotificationsAsync(seller)).Should().ContainSingle(n => n.Kind == SellerNotificationKind.SellerSuspendedForStrikes)
            .Which.MessageEn.Should().Contain("3 active strikes");
        (await _scenario.Policy.NotificationsAsync(seller)).Count(n => n.Kind == SellerNotificationKind.StrikeIssued).Should().Be(3);
        var audit = await _scenario.Policy.WithDbAsync(db => db.AdminActions.AsNoTracking().Where(a => a.SellerId == seller).ToListAsync());
        audit.Should().ContainSingle(a => a.Kind == AdminActionKind.SellerSuspendedForStrikes && a.ActorEmail == "system");
    }

    [Fact]
    public async Task An_admin_rejection_confirming_a_misclassification_earns_a_strike_and_an_admin_voids_it_with_a_reason()
    {
        var (seller, sellerClient) = await new SellerPortal(fixture.App).SellerAsync(SellerOrigin.CrossBorder, "MY");
        var held = await _scenario.HeldForReviewAsync(seller);
        await _scenario.RejectAsync(held, "Ini kain batik, bukan casing.", EnforcementScenario.Admin);

        var strike = (await _scenario.StrikeRowsAsync(seller)).Should().ContainSingle().Subject;
        strike.Source.Should().Be(StrikeSource.ConfirmedMisclassification);

        await SellerPortal.PostWithTokenAsync(sellerClient, "/Seller", "/Language", new Dictionary<string, string> { ["culture"] = "en-US" });
        var dashboard = await sellerClient.GetDocumentAsync("/Seller");
        var row = dashboard.QuerySelector($"#seller-strikes tr[data-strike='{strike.Id}']")!;
        row.TextContent.Should().Contain("Casing HP Motif Batik Kawung").And.Contain("An admin confirmed the listing was misclassified").And.Contain("WIB").And.Contain("Active");

        var admin = await AdminPages.AdminClientAsync(fixture.App);
        var detail = await admin.GetDocumentAsync($"/Admin/Sellers/Detail?id={seller}");
        var done = await admin.FollowAsync(await admin.SubmitAsync(detail, $"tr[data-strike='{strike.Id}'] form", new Dictionary<string, string> { ["Reason"] = "Motif saja, bukan kain." }));

        done.QuerySelector("#result").Should().NotBeNull();
        (await _scenario.StrikesAsync(seller)).Active.Should().Be(0);
        var audit = await _scenario.Policy.WithDbAsync(db => db.AdminActions.AsNoTracking().Where(a => a.SellerId == seller && a.Kind == AdminActionKind.StrikeVoided).ToListAsync());
        audit.Should().ContainSingle(a => a.Reason == "Motif saja, bukan kain." && a.ListingId == held);
        (await sellerClient.GetDocumentAsync("/Seller")).QuerySelector($"#seller-strikes tr[data-strike='{strike.Id}']")!.TextContent.Should().Contain("Voided");
    }

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Enforcement:StrikeExpiryDays"] = "30",
            ["Enforcement:StrikesToSuspend"] = "3",
        };
    }
}

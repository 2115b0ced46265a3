using System.Net;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Marketplace.Web.Tests.Policy;

/// <summary>What a closure does beyond its own cluster, when its decisions take effect, and what its preview holds up.</summary>
public sealed class PolicyIntegrityTests(PolicyIntegrityTests.Fixture fixture) : IClassFixture<PolicyIntegrityTests.Fixture>, IAsyncLifetime
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    private HashSet<int> _closedClusters = [];

    public async Task InitializeAsync() => _closedClusters = await _scenario.ClosedClustersAsync();

    public Task DisposeAsync() => _scenario.RestoreClustersAsync(_closedClusters);

    [Fact]
    public async Task A_batik_shirt_listed_in_phone_cases_while_textiles_was_open_waits_for_review_when_textiles_closes_and_returns_when_it_opens()
    {
        var textiles = await _scenario.ClusterIdAsync(ClusterCodes.Textile);
        await _scenario.RulesAsync(r => r.OpenClusterAsync(textiles, "Uji penyaringan ulang", "admin"));
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var shirt = await _scenario.CreatePublishedAsync(seller, PolicyScenario.PhoneCases, "Kemeja batik pria lengan panjang", ProductOrigin.Imported);
        var phoneCase = await _scenario.CreatePublishedAsync(seller, PolicyScenario.PhoneCases, "Casing HP silikon bening", ProductOrigin.Imported);

        var (_, effect) = await _scenario.RulesAsync(r => r.BlockClusterAsync(textiles, null, "Uji penyaringan ulang", "admin"));

        effect.SentToReview.Should().Be(1);
        var held = await _scenario.ListingAsync(shirt);
        held.State.Should().Be(ListingState.PendingReview);
        held.ReasonCodes.Should().Equal(ReasonCodes.SuspectedMisclassification);
        (await _scenario.IsVisibleAsync(shirt)).Should().BeFalse();
        (await _scenario.DecisionsAsync(shirt)).Last().Trigger.Should().Be(DecisionTrigger.ClusterBlocked);
        (await _scenario.ListingAsync(phoneCase)).State.Should().Be(ListingState.Published);
        (await _scenario.DecisionsAsync(phoneCase)).Should().ContainSingle("a listing the screening lets through gets no new decision");

        await _scenario.RulesAsync(r => r.OpenClusterAsync(textiles, "Uji penyaringan ulang", "admin"));

        (await _scenario.ListingAsync(shirt)).State.Should().Be(ListingState.Published, "it was held only for textiles");
        (await _scenario.DecisionsAsync(shirt)).Last().Trigger.Should().Be(DecisionTrigger.ClusterOpened);
    }

    [Fact]
    public async Task A_block_that_waited_for_a_publishers_lock_stamps_its_decisions_when_it_took_effect()
    {
        var electronics = await _scenario.ClusterIdAsync(ReferenceCatalog.Electronics);
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var speaker = await _scenario.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone Lipat 512 GB", ProductOrigin.Imported);

        // A publication in progress holds its cluster's share lock; the block queues behind it.
        await using var publisher = new NpgsqlConnection(fixture.App.ConnectionString);
        await publisher.OpenAsync();
        await using var publishing = await publisher.BeginTransactionAsync();
        await using (var share = new NpgsqlCommand($"SELECT 1 FROM clusters WHERE id = {electronics} FOR SHARE", publisher, publishing))
        {
            await share.ExecuteNonQueryAsync();
        }

        var block = _scenario.RulesAsync(r => r.BlockClusterAsync(electronics, null, "Uji urutan", "admin"));
        await Eventually.WaitForLockWaiterAsync(fixture.App.ConnectionString);
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var publisherDone = fixture.Clock.GetUtcNow();
        await publishing.CommitAsync();
        var (created, _) = await block;

        created.CreatedAt.Should().Be(publisherDone);
        var decisions = await _scenario.DecisionsAsync(speaker);
        decisions.Last().Trigger.Should().Be(DecisionTrigger.ClusterBlocked);
        decisions.Last().DecidedAt.Should().Be(publisherDone, "a decision is stamped when its locks are held, not when it started waiting");
        decisions.Select(d => d.DecidedAt).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task Checkout_and_publishing_go_on_while_an_admin_previews_a_closure_of_their_cluster()
    {
        var household = await _scenario.ClusterIdAsync(ReferenceCatalog.Household);
        var data = new StorefrontData(fixture.App);
        var seller = await data.SellerAsync("rumah-impor-" + Guid.NewGuid().ToString("N")[..6], "Rumah Impor", "Guangdong", "Foshan", "CN");
        var bottle = await data.ListingAsync(seller, "botol-minum", "Botol Minum Lipat Impor", 80_000, stock: 5, origin: ProductOrigin.Imported);
        var email = $"pratinjau-{Guid.NewGuid():N}@example.id";
        await TestUsers.CreateAsync(fixture.App, email, Roles.Shopper);
        var shopper = await TestUsers.SignedInClientAsync(fixture.App, email);
        await shopper.AddToCartAsync(bottle);
        var (action, form) = await shopper.PrepareFormAsync(Shopping.CheckoutUrl, Shopping.Address());
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var draft = await _scenario.CreateDraftAsync(foreign, "wadah-plastik", "Kotak Makan Susun Impor", origin: ProductOrigin.Imported);
        var previewing = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        var preview = _scenario.RulesAsync(r => r.PreviewAsync(async c =>
        {
            var (_, effect) = await c.BlockClusterAsync(household, null, "Pratinjau", "admin");
            previewing.SetResult();
            await release.Task;
            return effect;
        }));
        await previewing.Task;
        try
        {
            (await _scenario.PublishAsync(draft)).State.Should().Be(ListingState.Published, "the preview holds no lock on the cluster");
            using var placed = await shopper.PostAsync(action, form);
            placed.StatusCode.Should().Be(HttpStatusCode.Redirect, "the order is placed while the preview runs");
        }
        finally
        {
            release.SetResult();
        }

        (await preview).Suspended.Should().BeGreaterThanOrEqualTo(1);
        (await _scenario.WithDbAsync(db => db.ClusterBlocks.CountAsync(b => b.ClusterId == household && b.LiftedAt == null))).Should().Be(0, "a preview changes nothing");
    }

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

        protected override TimeProvider? OwnClock => Clock;

        /// <summary>The background sweeper waits a day of this clock, so it never acts in these tests.</summary>
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Policy:ScheduledBlockPollSeconds"] = "86400" };
    }
}

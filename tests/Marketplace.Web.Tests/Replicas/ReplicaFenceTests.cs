using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Admin;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Web.Tests.Replicas;

/// <summary>
/// Storefront reads on a streaming hot standby, with its replay paused: no request after a block returned shows a blocked
/// listing on any node, reads go back to the replica once it has replayed the block, and a seller reads its own save.
/// </summary>
public sealed class ReplicaFenceTests(ReplicaFenceTests.Fixture fixture) : IClassFixture<ReplicaFenceTests.Fixture>
{
    private PolicyScenario Scenario => new(fixture.NodeA);

    [Fact]
    public async Task No_storefront_request_after_a_block_returned_shows_its_listings_on_either_node_while_the_replica_lags()
    {
        var household = await Scenario.ClusterIdAsync(ReferenceCatalog.Household);
        var abroad = await Scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var local = await Scenario.CreateSellerAsync(SellerOrigin.Local);
        var imported = await Scenario.CreatePublishedAsync(abroad, "wadah-plastik", "Kotak Bekal Tumbler Impor", Marketplace.Domain.Listings.ProductOrigin.Imported);
        var shown = await Scenario.CreatePublishedAsync(local, "wadah-plastik", "Kotak Bekal Bambu Garut");
        var shop = await Scenario.WithDbAsync(db => db.Sellers.Where(s => s.Id == abroad).Select(s => s.Slug).SingleAsync());
        var admin = await AdminPages.AdminClientAsync(fixture.NodeA);
        await fixture.CatchUpAsync();

        var before = fixture.ReadsB.Replica;
        (await fixture.NodeB.CreateBrowserClient().ListingIdsAsync("/Search?q=kotak+bekal")).Should().BeEquivalentTo([imported, shown]);
        fixture.ReadsB.Replica.Should().Be(before + 1, "a replica that has replayed everything serves the storefront");

        await fixture.PauseReplayAsync();
        try
        {
            using var preview = await admin.SubmitAsync(
                await admin.GetDocumentAsync($"/Admin/Clusters/Change?id={household}"), "#change-form", new Dictionary<string, string> { ["Input.Reason"] = "Perlindungan UMKM" });
            using var blocked = await admin.SubmitAsync(await FormPost.ParseAsync(preview), "#preview form");
            blocked.StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await fixture.StandbyBlocksAsync(household)).Should().Be(0, "the replica has not replayed the block");

            var replicaA = fixture.ReadsA.Replica;
            var replicaB = fixture.ReadsB.Replica;
            foreach (var node in new[] { fixture.NodeA, fixture.NodeB })
            {
                var shopper = node.CreateBrowserClient();
                (await shopper.GetAsync($"/p/{imported}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
                (await shopper.ListingIdsAsync("/Search?q=kotak+bekal")).Should().Equal(shown);
                (await shopper.ListingIdsAsync("/c/wadah-plastik")).Should().Equal(shown);
                (await shopper.ListingIdsAsync("/")).Should().Contain(shown).And.NotContain(imported);
                (await shopper.ListingIdsAsync($"/s/{shop}")).Should().BeEmpty();
            }

            fixture.ReadsA.Replica.Should().Be(replicaA, "behind the fence every read went to the primary");
            fixture.ReadsB.Replica.Should().Be(replicaB, "behind the fence every read went to the primary");
        }
        finally
        {
            await fixture.ResumeReplayAsync();
        }

        await fixture.CatchUpAsync();
        before = fixture.ReadsB.Replica;
        (await fixture.NodeB.CreateBrowserClient().ListingIdsAsync("/Search?q=kotak+bekal")).Should().Equal(shown);
        fixture.ReadsB.Replica.Should().Be(before + 1, "once the replica has replayed the block, it serves the storefront again");
    }

    [Fact]
    public async Task A_seller_sees_its_own_save_on_the_next_page_while_the_replica_lags()
    {
        var portal = new Sellers.SellerPortal(fixture.NodeA);
        var (sellerId, seller) = await portal.SellerAsync(SellerOrigin.Local);
        var listing = await Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Gayo 250 g");
        await fixture.CatchUpAsync();

        await fixture.PauseReplayAsync();
        try
        {
            using var saved = await seller.SubmitFormAsync($"/Seller/Listings/Edit/{listing}?handler=Save", new Dictionary<string, string> { ["Input.Title"] = "Kopi Gayo Wine 250 g" });
            saved.StatusCode.Should().Be(HttpStatusCode.Redirect);

            (await ProductTitleAsync(seller, listing)).Should().Be("Kopi Gayo Wine 250 g");
            var before = fixture.ReadsA.Replica;
            (await ProductTitleAsync(fixture.NodeA.CreateBrowserClient(), listing))
                .Should().Be("Kopi Gayo 250 g", "other shoppers read the lagging replica: a seller's save moves no fence");
            fixture.ReadsA.Replica.Should().Be(before + 1);
        }
        finally
        {
            await fixture.ResumeReplayAsync();
        }
    }

    private async Task<string> ProductTitleAsync(HttpClient client, long listing)
    {
        using var response = await client.GetAsync($"/p/{listing}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, fixture.NodeA.Errors.Describe());
        return (await FormPost.ParseAsync(response)).Text("h1");
    }

    /// <summary>Storefront reads of one node, counted by the database that served them, from the site's own meter.</summary>
    public sealed class ReadCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _byDatabase = new(StringComparer.Ordinal);

        public ReadCounter(MarketplaceApp app)
        {
            var meters = app.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == ReadReplicas.ReadsInstrument && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "database")
                    {
                        _byDatabase.AddOrUpdate((string)tag.Value!, value, (_, sum) => sum + value);
                    }
                }
            });
            _listener.Start();
        }

        public long Replica => _byDatabase.GetValueOrDefault("replica");

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>A primary and a streaming hot standby of its own (small clusters in a temporary folder), and two web nodes on them.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "marketplace-test-replica-" + Guid.NewGuid().ToString("N")[..8]);
        private LocalPostgres? _primary;
        private LocalPostgres? _standby;

        public MarketplaceApp NodeA { get; private set; } = null!;

        public MarketplaceApp NodeB { get; private set; } = null!;

        public ReadCounter ReadsA { get; private set; } = null!;

        public ReadCounter ReadsB { get; private set; } = null!;

        private string Primary => _primary!.ConnectionString("marketplace");

        private string Standby => _standby!.ConnectionString("marketplace");

        public async Task InitializeAsync()
        {
            try
            {
                await StartAsync();
            }
            catch
            {
                await DisposeAsync();
                throw;
            }
        }

        private async Task StartAsync()
        {
            _primary = await LocalPostgres.StartAsync(Path.Combine(_folder, "primary"), LocalPostgres.FreePort(), throwaway: true);
            await DataServices.EnsureDatabaseExistsAsync(_primary.ConnectionString("postgres"), "marketplace");
            await TemplateContent.LoadAsync(Primary);
            _standby = await _primary.StartStandbyAsync(Path.Combine(_folder, "standby"), LocalPostgres.FreePort());
            var settings = new Dictionary<string, string?> { ["ConnectionStrings:MarketplaceReplicas"] = Standby };
            NodeA = new MarketplaceApp(Primary, settings);
            NodeB = new MarketplaceApp(Primary, settings);
            _ = NodeA.Server;
            _ = NodeB.Server;
            ReadsA = new ReadCounter(NodeA);
            ReadsB = new ReadCounter(NodeB);
        }

        public async Task DisposeAsync()
        {
            ReadsA?.Dispose();
            ReadsB?.Dispose();
            await (NodeA?.DisposeAsync() ?? ValueTask.CompletedTask);
            await (NodeB?.DisposeAsync() ?? ValueTask.CompletedTask);
            NpgsqlConnection.ClearAllPools();
            await (_standby?.StopAsync(immediate: true) ?? Task.CompletedTask);
            await (_primary?.StopAsync(immediate: true) ?? Task.CompletedTask);
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }

        public Task PauseReplayAsync() => OnStandbyAsync("SELECT pg_wal_replay_pause()", "SELECT pg_get_wal_replay_pause_state() = 'paused'", "replay to pause");

        public Task ResumeReplayAsync() => OnStandbyAsync("SELECT pg_wal_replay_resume()", "SELECT NOT pg_is_wal_replay_paused()", "replay to resume");

        /// <summary>Waits until the standby has replayed everything the primary has written so far, the policy fence included.</summary>
        public async Task CatchUpAsync()
        {
            await using var primary = new NpgsqlConnection(Primary);
            await primary.OpenAsync();
            await using var position = new NpgsqlCommand("SELECT pg_current_wal_insert_lsn()", primary);
            var written = (NpgsqlLogSequenceNumber)(await position.ExecuteScalarAsync())!;
            await using var standby = new NpgsqlConnection(Standby);
            await standby.OpenAsync();
            await using var replayed = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn()", standby);
            await Eventually.WaitForAsync(async () => (NpgsqlLogSequenceNumber)(await replayed.ExecuteScalarAsync())!, at => at >= written, $"the standby to replay up to {written}");
        }

        public async Task<long> StandbyBlocksAsync(int clusterId)
        {
            await using var standby = new NpgsqlConnection(Standby);
            await standby.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM cluster_blocks WHERE cluster_id = @cluster", standby);
            count.Parameters.AddWithValue("cluster", clusterId);
            return (long)(await count.ExecuteScalarAsync())!;
        }

        private async Task OnStandbyAsync(string action, string done, string what)
        {
            await using var standby = new NpgsqlConnection(Standby);
            await standby.OpenAsync();
            await using (var command = new NpgsqlCommand(action, standby))
            {
                await command.ExecuteNonQueryAsync();
            }

            await using var check = new NpgsqlCommand(done, standby);
            await Eventually.WaitForAsync(async () => (bool)(await check.ExecuteScalarAsync())!, reached => reached, what);
        }
    }
}

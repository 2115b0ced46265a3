using Marketplace.Web.Data;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Web.Tests.Policy;

/// <summary>
/// A busy marketplace publishes without pause; an admin's closure must still get its turn. Decisions that arrive
/// after a waiting rule change queue behind it instead of overtaking it for ever.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class RuleChangeQueueTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task A_decision_arriving_while_a_block_waits_queues_behind_the_block_instead_of_overtaking_it()
    {
        var cluster = await _scenario.ClusterIdAsync(ReferenceCatalog.Electronics);
        await using var running = await DecisionInFlight.StartAsync(fixture.App, cluster);
        var block = _scenario.RulesAsync(r => r.BlockClusterAsync(cluster, null, "Uji antrean", "admin"));
        await Eventually.WaitForWaiterBehindAsync(running.Connection);

        await using var newcomer = await DecisionInFlight.OpenAsync(fixture.App);
        var newcomerLocks = newcomer.ShareAsync(cluster);
        await Task.WhenAny(newcomerLocks, WaitingAsync(newcomer.Connection.ProcessID));
        newcomerLocks.IsCompleted.Should().BeFalse("a decision arriving after the block waits for it, rather than overtaking it");

        await running.CommitAsync();
        var (closed, _) = await block;
        closed.ClusterId.Should().Be(cluster);
        await newcomerLocks;
        await newcomer.CommitAsync();
        await _scenario.RulesAsync(r => r.OpenClusterAsync(cluster, "Uji antrean selesai", "admin"));
    }

    private Task<bool> WaitingAsync(int pid) => Eventually.WaitForAsync(
        async () =>
        {
            await using var connection = new NpgsqlConnection(fixture.App.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = @pid AND NOT granted)", connection);
            command.Parameters.AddWithValue("pid", pid);
            return (bool)(await command.ExecuteScalarAsync())!;
        },
        waiting => waiting,
        "the newcomer waiting on a lock");

    /// <summary>A policy transaction of the site's own, holding the locks a publication of one cluster takes, until committed.</summary>
    private sealed class DecisionInFlight : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope;
        private readonly MarketplaceDbContext _db;
        private readonly IDbContextTransaction _transaction;

        private DecisionInFlight(AsyncServiceScope scope, MarketplaceDbContext db, IDbContextTransaction transaction)
        {
            _scope = scope;
            _db = db;
            _transaction = transaction;
        }

        public NpgsqlConnection Connection => (NpgsqlConnection)_db.Database.GetDbConnection();

        public static async Task<DecisionInFlight> OpenAsync(MarketplaceApp app)
        {
            var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            var transaction = await db.Database.BeginTransactionAsync();
            return new DecisionInFlight(scope, db, transaction);
        }

        public static async Task<DecisionInFlight> StartAsync(MarketplaceApp app, int cluster)
        {
            var decision = await OpenAsync(app);
            await decision.ShareAsync(cluster);
            return decision;
        }

        public Task ShareAsync(int cluster) => PolicyLocks.ShareClustersAsync(_db, [cluster], CancellationToken.None);

        public Task CommitAsync() => _transaction.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            await _transaction.DisposeAsync();
            await _scope.DisposeAsync();
        }
    }
}

using System.Diagnostics;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Web.Features.Storefront;

/// <summary>
/// The database one request's storefront reads come from: a hot-standby replica when one has replayed past the policy
/// fence (<see cref="PolicyFence"/>) and past this browser's own last write, otherwise the primary. Decided once per
/// request, on first use; without replicas it is always the primary, as before.
/// </summary>
/// <remarks>
/// The fence is read from the primary on every request (one primary-key row, in parallel with asking the replica), never
/// from a per-node cache: a cache refreshed by LISTEN/NOTIFY can lag on another node for a moment, and a shopper there
/// would see a listing blocked before his request began. The replica's replay position is asked on the very connection
/// the reads then use, so with several standbys behind one data source the check and the reads are on the same server.
/// </remarks>
public sealed class StorefrontReads(MarketplaceDbContext primary, ReadReplicas replicas, IHttpContextAccessor http, ILogger<StorefrontReads> logger)
    : IAsyncDisposable, IDisposable
{
    private Task<MarketplaceDbContext>? _chosen;
    private MarketplaceDbContext? _standby;

    public Task<MarketplaceDbContext> ContextAsync(CancellationToken cancellationToken) =>
        _chosen ??= replicas.ContextsWith(primary.Model) is { } standbys ? ChooseAsync(standbys, cancellationToken) : Task.FromResult(primary);

    private async Task<MarketplaceDbContext> ChooseAsync(IDbContextFactory<MarketplaceDbContext> standbys, CancellationToken cancellationToken)
    {
        var standby = await standbys.CreateDbContextAsync(cancellationToken);
        var fence = PolicyFence.ReadAsync(primary, cancellationToken);
        var replayed = ReplayedAsync(standby, cancellationToken);
        try
        {
            await Task.WhenAll(fence, replayed);
        }
        catch
        {
            await standby.DisposeAsync();
            throw;
        }

        var ownWrite = replicas.LastWriteOf(http.HttpContext);
        var (position, sinceLastReplay) = replayed.Result;
        replicas.Observe(fence.Result.Fence, fence.Result.Primary, position, sinceLastReplay);
        var reason = position is null ? "replica_unavailable"
            : position < fence.Result.Fence ? "fence"
            : position < ownWrite ? "own_write"
            : null;
        replicas.Reads.Add(1, new TagList { { "database", reason is null ? "replica" : "primary" }, { "reason", reason ?? "caught_up" } });
        if (reason is null)
        {
            _standby = standby;
            return standby;
        }

        await standby.DisposeAsync();
        return primary;
    }

    /// <summary>
    /// How far the standby has replayed, on the connection it keeps for this request, and the seconds since it replayed its
    /// last transaction (by the standby's clock); null when it cannot say.
    /// </summary>
    private async Task<(NpgsqlLogSequenceNumber? Position, double? SinceLastReplay)> ReplayedAsync(MarketplaceDbContext standby, CancellationToken cancellationToken)
    {
        try
        {
            await standby.Database.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() END, extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8",
                (NpgsqlConnection)standby.Database.GetDbConnection());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);

            // Null on a server that is not in recovery: a primary among the hosts, which this request cannot tell from ours,
            // or a standby promoted since the connection was opened (its replay position then stays where recovery ended).
            return (reader.IsDBNull(0) ? null : reader.GetFieldValue<NpgsqlLogSequenceNumber>(0), reader.IsDBNull(1) ? null : reader.GetDouble(1));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // No replica answering is no reason to fail a shopper's page: the primary serves it.
            logger.LogWarning(e, "No replica answered; storefront reads go to the primary");
            return (null, null);
        }
    }

    /// <summary>Background work (the search ranker) disposes its scopes synchronously.</summary>
    public void Dispose()
    {
        _standby?.Dispose();
        _standby = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_standby is not null)
        {
            await _standby.DisposeAsync();
            _standby = null;
        }
    }
}

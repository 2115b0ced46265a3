using Marketplace.Domain.Listings;
using Npgsql;

namespace Marketplace.Web.Features.Jobs;

/// <summary>
/// The lease every background job is held by, whichever node runs it. A job table has the columns id, status (the
/// values of <see cref="ListingImportStatus"/>), attempts, lease_expires_at, failure_key and finished_at. A worker claims
/// a queued job, or a running one whose lease lapsed (its node or its database connection died), with FOR UPDATE SKIP
/// LOCKED, and renews the lease every few seconds while it works; a job out of attempts ends Failed with a message key
/// instead of waiting for ever. Hand-written SQL because the claim needs SKIP LOCKED, which EF cannot express.
/// </summary>
public sealed class JobLeases(NpgsqlDataSource data, TimeProvider clock, IConfiguration configuration)
{
    public TimeSpan Lease => TimeSpan.FromSeconds(configuration.GetValue("Jobs:LeaseSeconds", 15));

    public TimeSpan Heartbeat => TimeSpan.FromSeconds(configuration.GetValue("Jobs:HeartbeatSeconds", 5));

    public int MaxAttempts => configuration.GetValue("Jobs:MaxAttempts", 3);

    /// <summary>Takes the oldest job that is queued, or running with a lapsed lease and attempts left; null when there is none.</summary>
    public async Task<long?> ClaimAsync(string table, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var claim = data.CreateCommand($"""
            UPDATE {table} SET status = {(int)ListingImportStatus.Running}, started_at = @now, lease_expires_at = @until, attempts = attempts + 1
            WHERE id = (
                SELECT id FROM {table}
                WHERE (status = {(int)ListingImportStatus.Queued} OR (status = {(int)ListingImportStatus.Running} AND lease_expires_at < @now))
                  AND attempts < @max
                ORDER BY id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id
            """);
        claim.Parameters.AddWithValue("now", now);
        claim.Parameters.AddWithValue("until", now + Lease);
        claim.Parameters.AddWithValue("max", MaxAttempts);
        return await claim.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    /// <summary>Ends the jobs whose lease lapsed on their last attempt: Failed, with a message the owner reads.</summary>
    public async Task<int> FailExhaustedAsync(string table, string failureKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var fail = data.CreateCommand($"""
            UPDATE {table} SET status = {(int)ListingImportStatus.Failed}, failure_key = @key, finished_at = @now, lease_expires_at = NULL
            WHERE status IN ({(int)ListingImportStatus.Queued}, {(int)ListingImportStatus.Running}) AND attempts >= @max
              AND (status = {(int)ListingImportStatus.Queued} OR lease_expires_at < @now)
            """);
        fail.Parameters.AddWithValue("key", failureKey);
        fail.Parameters.AddWithValue("now", now);
        fail.Parameters.AddWithValue("max", MaxAttempts);
        return await fail.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// After a failed attempt: back in the queue while attempts are left, otherwise Failed with the message key. When the
    /// database is away this cannot be written, and the lapsing lease does the same once it returns.
    /// </summary>
    public async Task ReleaseAfterFailureAsync(string table, long id, string failureKey, CancellationToken cancellationToken)
    {
        await using var release = data.CreateCommand($"""
            UPDATE {table}
            SET status = CASE WHEN attempts < @max THEN {(int)ListingImportStatus.Queued} ELSE {(int)ListingImportStatus.Failed} END,
                failure_key = CASE WHEN attempts < @max THEN NULL ELSE @key END,
                finished_at = CASE WHEN attempts < @max THEN NULL ELSE @now END,
                lease_expires_at = NULL
            WHERE id = @id AND status = {(int)ListingImportStatus.Running}
            """);
        release.Parameters.AddWithValue("max", MaxAttempts);
        release.Parameters.AddWithValue("key", failureKey);
        release.Parameters.AddWithValue("now", clock.GetUtcNow());
        release.Parameters.AddWithValue("id", id);
        await release.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> while renewing the job's lease every <see cref="Heartbeat"/>; the renewal stops with the work.</summary>
    public async Task HoldWhileAsync(string table, long id, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = RenewAsync(table, id, stop.Token);
        try
        {
            await work(cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await heartbeat;
        }
    }

    private async Task RenewAsync(string table, long id, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Heartbeat, clock, cancellationToken);
                await using var renew = data.CreateCommand(
                    $"UPDATE {table} SET lease_expires_at = @until WHERE id = @id AND status = {(int)ListingImportStatus.Running}");
                renew.Parameters.AddWithValue("until", clock.GetUtcNow() + Lease);
                renew.Parameters.AddWithValue("id", id);
                await renew.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException)
            {
                // The database is away: the lease lapses, and whichever node sees it first takes the job again.
            }
        }
    }
}

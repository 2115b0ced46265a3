using Marketplace.Domain.Listings;
using Marketplace.Web.Features.Common;
using Npgsql;

namespace Marketplace.Web.Features.Jobs;

/// <summary>
/// The lease every background job is held by, whichever node runs it. A job table (the CSV imports) has the columns id, status (the
/// values of <see cref="ListingImportStatus"/>), attempts, lease_expires_at, failure_key and finished_at. A worker claims
/// a queued job, or a running one whose lease lapsed (its node or its database connection died), with FOR UPDATE SKIP
/// LOCKED, and renews the lease every few seconds while it works; a job out of attempts ends Failed with a message key
/// instead of waiting for ever. The e-mail outbox holds each message by the same lease, and periodic jobs that the whole
/// cluster runs once per interval hold a named row of job_leases. Hand-written SQL because the claims need SKIP LOCKED and
/// ON CONFLICT, which EF cannot express.
/// </summary>
public sealed class JobLeases(NpgsqlDataSource data, TimeProvider clock, IConfiguration configuration)
{
    public TimeSpan Lease => TimeSpan.FromSeconds(configuration.GetValue("Jobs:LeaseSeconds", 15));

    public TimeSpan Heartbeat => TimeSpan.FromSeconds(configuration.GetValue("Jobs:HeartbeatSeconds", 5));

    public int MaxAttempts => configuration.GetValue("Jobs:MaxAttempts", 3);

    /// <summary>False keeps this node out of the cluster's periodic jobs; the other nodes run them.</summary>
    public bool PeriodicOnThisNode => configuration.GetValue("Jobs:PeriodicOnThisNode", true);

    /// <summary>This node, as the holder of the leases it takes.</summary>
    public string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Takes the oldest job that is queued, or running with a lapsed lease and attempts left; null when there is none.</summary>
    public async Task<long?> ClaimAsync(string table, CancellationToken cancellationToken) => (await ClaimJobAsync(table, cancellationToken))?.Id;

    /// <summary>Like <see cref="ClaimAsync"/>, with the attempt the claim counted: the token that <see cref="ReclaimAsync"/> checks.</summary>
    public async Task<ClaimedJob?> ClaimJobAsync(string table, CancellationToken cancellationToken)
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
            RETURNING id, attempts
            """);
        claim.Parameters.AddWithValue("now", now);
        claim.Parameters.AddWithValue("until", now + Lease);
        claim.Parameters.AddWithValue("max", MaxAttempts);
        return await ReadClaimAsync(table, claim, cancellationToken);
    }

    /// <summary>
    /// Takes back, as a new attempt, the job this node was running when its database connection broke, as soon as the
    /// database answers instead of after its lease lapses; null when another node has claimed it since (its attempt is no
    /// longer <paramref name="job"/>'s), it ended, or it has no attempts left (then it ends Failed when its lease lapses).
    /// </summary>
    public async Task<ClaimedJob?> ReclaimAsync(string table, ClaimedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = clock.GetUtcNow();
        await using var reclaim = data.CreateCommand($"""
            UPDATE {table} SET started_at = @now, lease_expires_at = @until, attempts = attempts + 1
            WHERE id = @id AND status = {(int)ListingImportStatus.Running} AND attempts = @attempt AND attempts < @max
            RETURNING id, attempts
            """);
        reclaim.Parameters.AddWithValue("now", now);
        reclaim.Parameters.AddWithValue("until", now + Lease);
        reclaim.Parameters.AddWithValue("id", job.Id);
        reclaim.Parameters.AddWithValue("attempt", job.Attempt);
        reclaim.Parameters.AddWithValue("max", MaxAttempts);
        return await ReadClaimAsync(table, reclaim, cancellationToken);
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
    public Task HoldWhileAsync(string table, long id, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        HoldWhileAsync(
            table,
            $"UPDATE {table} SET lease_expires_at = @until WHERE id = @id AND status = {(int)ListingImportStatus.Running}",
            parameters => parameters.AddWithValue("id", id),
            work,
            cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> while renewing a lease every <see cref="Heartbeat"/> with <paramref name="renewSql"/>,
    /// which sets the lease to <c>@until</c> and takes its other parameters from <paramref name="parameters"/>. A renewal
    /// that finds the lease gone counts as lost for <paramref name="job"/> in the metrics.
    /// </summary>
    public async Task HoldWhileAsync(
        string job, string renewSql, Action<NpgsqlParameterCollection> parameters, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = RenewAsync(job, renewSql, parameters, stop.Token);
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

    /// <summary>
    /// Runs the periodic job <paramref name="name"/> on this node when it is due and no other node holds it, holding its
    /// lease while it runs; the next run is due <paramref name="interval"/> after this one ends, on whichever node comes
    /// first, or a <see cref="Heartbeat"/> after a run that failed. A node that dies mid-run leaves a lease that lapses, and
    /// the job is due again at once. Returns whether it ran.
    /// </summary>
    public async Task<bool> RunPeriodicAsync(string name, TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var now = clock.GetUtcNow();
        await using (var take = data.CreateCommand("""
            INSERT INTO job_leases (name, holder, lease_expires_at, next_run_at) VALUES (@name, @holder, @until, @now)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, lease_expires_at = excluded.lease_expires_at
            WHERE job_leases.next_run_at <= @now AND (job_leases.lease_expires_at IS NULL OR job_leases.lease_expires_at < @now)
            RETURNING name
            """))
        {
            take.Parameters.AddWithValue("name", name);
            take.Parameters.AddWithValue("holder", Node);
            take.Parameters.AddWithValue("until", now + Lease);
            take.Parameters.AddWithValue("now", now);
            if (await take.ExecuteScalarAsync(cancellationToken) is null)
            {
                return false;
            }
        }

        MarketplaceMetrics.JobLeasesTaken.Add(1, MarketplaceMetrics.Job(name));

        // A run that failed is due again at the next heartbeat, not an interval later: a scheduled closure must not wait an hour.
        var next = Heartbeat;
        try
        {
            await HoldWhileAsync(
                name,
                "UPDATE job_leases SET lease_expires_at = @until WHERE name = @name AND holder = @holder AND lease_expires_at IS NOT NULL",
                p =>
                {
                    p.AddWithValue("name", name);
                    p.AddWithValue("holder", Node);
                },
                work,
                cancellationToken);
            next = interval;
        }
        finally
        {
            await ReleaseAsync(name, next);
        }

        return true;
    }

    private async Task ReleaseAsync(string name, TimeSpan interval)
    {
        try
        {
            await using var release = data.CreateCommand(
                "UPDATE job_leases SET lease_expires_at = NULL, next_run_at = @next WHERE name = @name AND holder = @holder AND lease_expires_at IS NOT NULL");
            release.Parameters.AddWithValue("next", clock.GetUtcNow() + interval);
            release.Parameters.AddWithValue("name", name);
            release.Parameters.AddWithValue("holder", Node);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The database is away: the lease lapses instead, and the job is due again once it returns.
        }
    }

    private static async Task<ClaimedJob?> ReadClaimAsync(string table, NpgsqlCommand claim, CancellationToken cancellationToken)
    {
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        MarketplaceMetrics.JobLeasesTaken.Add(1, MarketplaceMetrics.Job(table));
        return new ClaimedJob(reader.GetInt64(0), reader.GetInt32(1));
    }

    private async Task RenewAsync(string job, string renewSql, Action<NpgsqlParameterCollection> parameters, CancellationToken cancellationToken)
    {
        var lost = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Heartbeat, clock, cancellationToken);
                await using var renew = data.CreateCommand(renewSql);
                renew.Parameters.AddWithValue("until", clock.GetUtcNow() + Lease);
                parameters(renew.Parameters);
                if (await renew.ExecuteNonQueryAsync(cancellationToken) == 0 && !lost)
                {
                    lost = true;
                    MarketplaceMetrics.JobLeasesLost.Add(1, MarketplaceMetrics.Job(job));
                }
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

/// <summary>A job as one claim took it: <see cref="Attempt"/> is the attempt that claim counted.</summary>
public sealed record ClaimedJob(long Id, int Attempt);

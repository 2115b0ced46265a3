using Npgsql;

namespace Marketplace.Web.Features.Sellers.Import;

/// <summary>
/// Runs queued imports on whichever web node gets to them first: a job is claimed with FOR UPDATE SKIP LOCKED, so
/// two nodes never run the same one. A job left running by a node that died is claimed again after a while.
/// </summary>
internal sealed class ListingImportWorker(IServiceScopeFactory scopes, NpgsqlDataSource data, IConfiguration configuration, ILogger<ListingImportWorker> logger)
    : BackgroundService
{
    private const int MaxAttempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(configuration.GetValue("Imports:PollMilliseconds", 2000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(poll, stoppingToken);
                while (await ClaimAsync(stoppingToken) is { } importId)
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<ListingImporter>().RunAsync(importId, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException e)
            {
                // The database is away; the job stays claimed and is picked up again once it counts as stale.
                logger.LogWarning(e, "Claiming or running an import failed; trying again later");
            }
        }
    }

    private async Task<long?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var claim = data.CreateCommand("""
            UPDATE listing_imports SET status = 1, started_at = now(), attempts = attempts + 1
            WHERE id = (
                SELECT id FROM listing_imports
                WHERE (status = 0 OR (status = 1 AND started_at < now() - interval '15 minutes')) AND attempts < @max_attempts
                ORDER BY id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id
            """);
        claim.Parameters.AddWithValue("max_attempts", MaxAttempts);
        return await claim.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }
}

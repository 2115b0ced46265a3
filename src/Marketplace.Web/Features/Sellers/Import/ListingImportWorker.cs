using Marketplace.Web.Features.Jobs;
using Marketplace.Web.Hosting;

namespace Marketplace.Web.Features.Sellers.Import;

/// <summary>
/// Runs queued uploads on whichever web node gets to them first (each first as its preview, then, once its seller
/// confirms, as its import), each held by a <see cref="JobLeases">lease</see>: a job whose node died is taken again once
/// its lease lapses, and one out of attempts ends Failed. A node whose database connection broke under a job asks again
/// every half second and takes that job back the moment the database answers, without waiting for the lease.
/// </summary>
internal sealed class ListingImportWorker(IServiceScopeFactory scopes, JobLeases leases, TimeProvider clock, IConfiguration configuration, ILogger<ListingImportWorker> logger)
    : BackgroundService
{
    public const string Table = "listing_imports";

    private static readonly TimeSpan ReclaimRetry = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(configuration.GetValue("Imports:PollMilliseconds", 2000));
        ClaimedJob? interrupted = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            ClaimedJob? running = null;
            try
            {
                await Task.Delay(interrupted is null ? poll : ReclaimRetry, clock, stoppingToken);
                if (interrupted is not null)
                {
                    running = await leases.ReclaimAsync(Table, interrupted, stoppingToken);
                    interrupted = null;
                    if (running is not null)
                    {
                        logger.LogInformation("Import {ImportId} taken back as attempt {Attempt} as soon as the database answered", running.Id, running.Attempt);
                        await RunAsync(running, stoppingToken);
                    }
                }

                await leases.FailExhaustedAsync(Table, ListingImporter.AttemptsExhausted, stoppingToken);
                while ((running = await leases.ClaimJobAsync(Table, stoppingToken)) is not null)
                {
                    await RunAsync(running, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away (EF reports a lost connection wrapped in its own exception), or one run failed. A job
                // cut off by the database is taken back by this node as soon as it answers; a worker that stopped would
                // leave every node's imports queued until a restart, so it goes on.
                interrupted = DatabaseOutage.IsOutage(e) ? running ?? interrupted : null;
                logger.LogWarning(e, "Claiming or running an import failed; trying again later");
            }
        }
    }

    private async Task RunAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<ListingImporter>();
        await leases.HoldWhileAsync(Table, job.Id, ct => importer.RunAsync(job.Id, ct), stoppingToken);
    }
}

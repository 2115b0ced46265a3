using Marketplace.Web.Features.Jobs;

namespace Marketplace.Web.Features.Sellers.Import;

/// <summary>
/// Runs queued uploads on whichever web node gets to them first (each first as its preview, then, once its seller
/// confirms, as its import), each held by a <see cref="JobLeases">lease</see>:
/// a job whose node or database connection died is taken again once its lease lapses, and one out of attempts ends Failed.
/// </summary>
internal sealed class ListingImportWorker(IServiceScopeFactory scopes, JobLeases leases, TimeProvider clock, IConfiguration configuration, ILogger<ListingImportWorker> logger)
    : BackgroundService
{
    public const string Table = "listing_imports";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(configuration.GetValue("Imports:PollMilliseconds", 2000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(poll, clock, stoppingToken);
                await leases.FailExhaustedAsync(Table, ListingImporter.AttemptsExhausted, stoppingToken);
                while (await leases.ClaimAsync(Table, stoppingToken) is { } importId)
                {
                    using var scope = scopes.CreateScope();
                    var importer = scope.ServiceProvider.GetRequiredService<ListingImporter>();
                    await leases.HoldWhileAsync(Table, importId, ct => importer.RunAsync(importId, ct), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away (EF reports a lost connection wrapped in its own exception), or one run failed: a
                // claimed job's lease lapses and it is taken again, its attempts counted. The worker itself goes on, as
                // one that stopped would leave every node's imports queued until a restart.
                logger.LogWarning(e, "Claiming or running an import failed; trying again later");
            }
        }
    }
}

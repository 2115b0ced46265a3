namespace Marketplace.Web.Features.Policy;

/// <summary>
/// Applies scheduled cluster blocks when their instant comes, with nobody toggling anything. Every web node runs one;
/// <see cref="PolicyRuleChanges.SweepDueBlocksAsync"/> makes sure a block is applied once. Until the sweep runs, the
/// storefront's visibility predicate already hides the cluster's cross-border listings from the instant on.
/// </summary>
internal sealed class ScheduledBlockSweeper(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ScheduledBlockSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Policy:ScheduledBlockPollSeconds", 15));
        // The site's clock drives the timer, so a test that moves its clock moves the sweeps too.
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var swept = await scope.ServiceProvider.GetRequiredService<PolicyRuleChanges>().SweepDueBlocksAsync(stoppingToken);
                if (swept > 0)
                {
                    logger.LogInformation("Applied {Count} scheduled cluster blocks", swept);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Applying scheduled cluster blocks failed; trying again in {Interval}", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

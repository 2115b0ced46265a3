using Marketplace.Web.Features.Jobs;

namespace Marketplace.Web.Features.Policy;

/// <summary>
/// Applies scheduled cluster blocks when their instant comes, with nobody toggling anything. Every web node looks, one at a
/// time holds the <see cref="PeriodicJob">lease</see> and sweeps; <see cref="PolicyRuleChanges.SweepDueBlocksAsync"/> itself
/// makes sure a block is applied once. Until the sweep runs, the storefront's visibility predicate already hides the
/// cluster's cross-border listings from the instant on.
/// </summary>
internal sealed class ScheduledBlockSweeper(
    IServiceScopeFactory scopes, IConfiguration configuration, JobLeases leases, TimeProvider clock, ILogger<ScheduledBlockSweeper> logger)
    : PeriodicJob(leases, clock, logger)
{
    protected override string Name => "scheduled-block-sweep";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Policy:ScheduledBlockPollSeconds", 15));

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var swept = await scope.ServiceProvider.GetRequiredService<PolicyRuleChanges>().SweepDueBlocksAsync(cancellationToken);
        if (swept > 0)
        {
            logger.LogInformation("Applied {Count} scheduled cluster blocks", swept);
        }
    }
}

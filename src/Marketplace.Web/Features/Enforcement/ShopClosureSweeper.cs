using Marketplace.Web.Features.Jobs;

namespace Marketplace.Web.Features.Enforcement;

/// <summary>
/// Applies shop closures when their instant comes. Every web node looks, one at a time holds the
/// <see cref="PeriodicJob">lease</see> and sweeps; each closure is claimed with <c>FOR UPDATE SKIP LOCKED</c> and marked
/// applied in the same transaction, so it takes effect once. Until then the sign-in check already refuses the shops from
/// the instant on.
/// </summary>
internal sealed class ShopClosureSweeper(
    IServiceScopeFactory scopes, IConfiguration configuration, JobLeases leases, TimeProvider clock, ILogger<ShopClosureSweeper> logger)
    : PeriodicJob(leases, clock, logger)
{
    protected override string Name => "shop-closure-sweep";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Enforcement:ClosureSweepSeconds", 30));

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var applied = await scope.ServiceProvider.GetRequiredService<ShopClosures>().ApplyDueAsync(cancellationToken);
        if (applied > 0)
        {
            logger.LogInformation("Applied {Count} shop closures", applied);
        }
    }
}

namespace Marketplace.Web.Features.Enforcement;

/// <summary>
/// Applies shop closures when their instant comes. Every web node runs one; each closure is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> and marked applied in the same transaction, so it takes effect once. Until then the
/// sign-in check already refuses the shops from the instant on.
/// </summary>
internal sealed class ShopClosureSweeper(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ShopClosureSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Enforcement:ClosureSweepSeconds", 30));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var applied = await scope.ServiceProvider.GetRequiredService<ShopClosures>().ApplyDueAsync(stoppingToken);
                if (applied > 0)
                {
                    logger.LogInformation("Applied {Count} shop closures", applied);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Applying shop closures failed; trying again in {Interval}", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

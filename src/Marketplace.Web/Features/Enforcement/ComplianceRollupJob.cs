using Marketplace.Web.Features.Jobs;

namespace Marketplace.Web.Features.Enforcement;

/// <summary>
/// Keeps the compliance report's daily decision counts (<see cref="ComplianceRollup"/>) up to date: every web node looks,
/// one at a time holds the <see cref="PeriodicJob">lease</see> and counts the days that closed since its last run.
/// </summary>
internal sealed class ComplianceRollupJob(
    IServiceScopeFactory scopes, IConfiguration configuration, JobLeases leases, TimeProvider clock, ILogger<ComplianceRollupJob> logger)
    : PeriodicJob(leases, clock, logger)
{
    protected override string Name => "compliance-rollup";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Enforcement:ComplianceRollupSeconds", 600));

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var until = await scope.ServiceProvider.GetRequiredService<ComplianceRollup>().RollAsync(cancellationToken);
        logger.LogDebug("The compliance rollup holds the days before {Until}", until);
    }
}

using Marketplace.Web.Features.Jobs;

namespace Marketplace.Web.Features.Verification;

/// <summary>Checks again, under the shared job lease, the requests for local status the registry has not answered yet (<see cref="AutomaticVerification.RecheckDueAsync"/>).</summary>
internal sealed class RegistryRecheckJob(
    IServiceScopeFactory scopes, IConfiguration configuration, JobLeases leases, TimeProvider clock, ILogger<RegistryRecheckJob> logger)
    : PeriodicJob(leases, clock, logger)
{
    protected override string Name => "registry-recheck";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Verification:RecheckSeconds", 300));

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var checkedAgain = await scope.ServiceProvider.GetRequiredService<AutomaticVerification>().RecheckDueAsync(cancellationToken);
        if (checkedAgain > 0)
        {
            logger.LogInformation("{Count} requests for local status were checked against the registry again", checkedAgain);
        }
    }
}

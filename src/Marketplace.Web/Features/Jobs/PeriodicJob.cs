namespace Marketplace.Web.Features.Jobs;

/// <summary>
/// A job the whole cluster runs once per <see cref="Interval"/>: every node looks every heartbeat, and the one that takes
/// the job's <see cref="JobLeases.RunPeriodicAsync">lease</see> runs it, so two nodes never run it at once and a node that
/// dies mid-run is replaced within a lease.
/// </summary>
internal abstract class PeriodicJob(JobLeases leases, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract string Name { get; }

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!leases.PeriodicOnThisNode)
        {
            return;
        }

        // The site's clock drives the timer, so a test that moves its clock moves the job too.
        using var timer = new PeriodicTimer(Interval < leases.Heartbeat ? Interval : leases.Heartbeat, clock);
        do
        {
            try
            {
                await leases.RunPeriodicAsync(Name, Interval, RunAsync, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The periodic job {Job} failed; it is tried again within {Retry}", Name, leases.Heartbeat);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

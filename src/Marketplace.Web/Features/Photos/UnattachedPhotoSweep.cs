using Marketplace.Web.Features.Jobs;

namespace Marketplace.Web.Features.Photos;

/// <summary>
/// Removes, under the shared job lease, the photos that no listing, review or complaint uses once they are older than
/// <c>Images:UnattachedGraceHours</c> (an import's rows that ended unwritten, a photo taken off a listing, a form left
/// with kept photos), with their thumbnails and fingerprints, which frees their space in the shop's quota. The grace
/// leaves time for a photo stored now to be attached by the save that stored it.
/// </summary>
internal sealed class UnattachedPhotoSweep(
    PhotoLedger ledger, PhotoRemoval removal, IConfiguration configuration, JobLeases leases, TimeProvider clock, ILogger<UnattachedPhotoSweep> logger)
    : PeriodicJob(leases, clock, logger)
{
    public const int BatchSize = 500;

    private readonly TimeProvider _clock = clock;

    protected override string Name => "unattached-photos";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(configuration.GetValue("Images:SweepMinutes", 60));

    private TimeSpan Grace => TimeSpan.FromHours(configuration.GetValue("Images:UnattachedGraceHours", 24));

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = _clock.GetUtcNow() - Grace;
        var removed = 0;
        HashSet<string> batch;
        do
        {
            batch = await ledger.UnusedAsync(before, BatchSize, cancellationToken);
            await removal.RemoveAsync(batch, cancellationToken);
            removed += batch.Count;
        }
        while (batch.Count == BatchSize);

        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} photos that nothing used", removed);
        }
    }
}

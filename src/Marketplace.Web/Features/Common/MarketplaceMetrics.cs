using System.Diagnostics.Metrics;

namespace Marketplace.Web.Features.Common;

/// <summary>
/// The site's own meter, scraped at <c>/metrics</c> with ASP.NET Core's, the runtime's and Npgsql's. Every label has a
/// bounded set of values (clusters, outcomes, reason codes, job names), never an id, a path or a user. Which database
/// served each storefront request is counted on <see cref="Data.ReadReplicas.MeterName"/>, exported beside it.
/// </summary>
internal static class MarketplaceMetrics
{
    public const string MeterName = "Marketplace";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Policy decisions written and committed, by cluster and outcome.</summary>
    public static readonly Counter<long> PolicyDecisions = Meter.CreateCounter<long>(
        "marketplace.policy.decisions", "{decision}", "Policy decisions committed, by cluster and outcome");

    /// <summary>Listings the screening sent to an admin's review, by cluster and the reason that held them.</summary>
    public static readonly Counter<long> ScreeningHolds = Meter.CreateCounter<long>(
        "marketplace.screening.holds", "{listing}", "Listings newly held for an admin's review, by cluster and reason");

    public static readonly Counter<long> JobLeasesTaken = Meter.CreateCounter<long>(
        "marketplace.job.leases.taken", "{lease}", "Job leases this node took, by job");

    /// <summary>A renewal found the lease no longer this node's: it lapsed (a long pause, a lost connection) and another node took it.</summary>
    public static readonly Counter<long> JobLeasesLost = Meter.CreateCounter<long>(
        "marketplace.job.leases.lost", "{lease}", "Job leases this node held and found taken by another node at renewal, by job");

    // Read at each scrape from the value the outbox worker keeps, so a scrape never queries the database.
    private static long _outboxDepth = -1;

    public static readonly ObservableGauge<long> OutboxDepth = Meter.CreateObservableGauge(
        "marketplace.email.outbox.depth", ObserveOutboxDepth, "{email}", "E-mails waiting in the outbox, as this node's outbox worker last counted them");

    /// <summary>Tags for one job's lease counters.</summary>
    public static KeyValuePair<string, object?> Job(string name) => new("job", name);

    /// <summary>The outbox worker's latest count; a node whose worker is off reports nothing rather than a stale zero.</summary>
    public static void OutboxDepthIs(long depth) => Interlocked.Exchange(ref _outboxDepth, depth);

    private static IEnumerable<Measurement<long>> ObserveOutboxDepth()
    {
        var depth = Interlocked.Read(ref _outboxDepth);
        return depth < 0 ? [] : [new Measurement<long>(depth)];
    }
}

using Marketplace.Domain.Audit;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Common;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Web.Features.Admin.Clusters;

public enum ClusterState
{
    Open,
    Blocked,
    Scheduled,
}

/// <summary>A cluster as the admin's list shows it: its state for cross-border sales, and its cross-border listings live and taken down.</summary>
public sealed record ClusterRow(
    int Id, string Code, string NameId, string NameEn, ClusterState State, DateTimeOffset? Since, int LiveUnderClosure, int TakenDownByRules)
{
    public string Name(bool indonesian) => indonesian ? NameId : NameEn;
}

/// <summary>One closure of a cluster in the history: who made it, when it acts, and who lifted it.</summary>
public sealed record BlockHistoryRow(
    long Id, int ClusterId, string ClusterCode, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset StartsAt, string Reason,
    DateTimeOffset? SweptAt, DateTimeOffset? LiftedAt, string? LiftedBy, string? LiftReason);

/// <summary>Clusters for admins: their state and counts, closing and opening them through the policy, adding new ones.</summary>
public sealed class ClusterConsole(MarketplaceDbContext db, PolicyRuleChanges rules, AdminActionLog actions, TimeProvider clock)
{
    public const int HistoryShown = 100;

    public async Task<IReadOnlyList<ClusterRow>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var clusters = await db.Clusters.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var pendingBlocks = await db.ClusterBlocks.AsNoTracking()
            .Where(b => b.LiftedAt == null)
            .Select(b => new { b.ClusterId, b.StartsAt })
            .ToListAsync(cancellationToken);

        // One aggregate over the listings a closure acts on, live or taken down by the rules, whatever their number:
        // the same listings the policy's closing and opening decide.
        var counts = await db.PlacedListings
            .Where(PlacedListings.ClosureApplies)
            .Where(PlacedListings.RuleChangeCandidate)
            .GroupBy(p => new { p.Category.ClusterId, p.Listing.State })
            .Select(g => new { g.Key.ClusterId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return clusters.Select(c =>
        {
            var block = pendingBlocks.Where(b => b.ClusterId == c.Id).OrderBy(b => b.StartsAt).FirstOrDefault();
            var state = block is null ? ClusterState.Open : block.StartsAt <= now ? ClusterState.Blocked : ClusterState.Scheduled;
            int Count(ListingState s) => counts.Where(x => x.ClusterId == c.Id && x.State == s).Sum(x => x.Count);
            return new ClusterRow(c.Id, c.Code, c.NameId, c.NameEn, state, block?.StartsAt, Count(ListingState.Published), Count(ListingState.Suspended));
        }).ToList();
    }

    public async Task<ClusterRow?> FindAsync(int clusterId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).SingleOrDefault(c => c.Id == clusterId);

    public Task<List<BlockHistoryRow>> HistoryAsync(int? clusterId, CancellationToken cancellationToken) =>
        (from b in db.ClusterBlocks.AsNoTracking()
         join c in db.Clusters on b.ClusterId equals c.Id
         where clusterId == null || b.ClusterId == clusterId
         orderby b.CreatedAt descending, b.Id descending
         select new BlockHistoryRow(b.Id, b.ClusterId, c.Code, b.CreatedAt, b.CreatedBy, b.StartsAt, b.Reason, b.SweptAt, b.LiftedAt, b.LiftedBy, b.LiftReason))
        .Take(HistoryShown)
        .ToListAsync(cancellationToken);

    public Task<RuleChangeEffect> DescribeAsync(RedecisionSummary summary, CancellationToken cancellationToken) => RuleChangeEffect.DescribeAsync(db, summary, cancellationToken);

    /// <summary>
    /// What closing the cluster takes down. A scheduled closure takes nothing down today; its preview shows what it
    /// would take down if it acted now, which is what its sweep will find unless listings change meanwhile.
    /// </summary>
    public async Task<RuleChangeEffect> PreviewBlockAsync(int clusterId, string reason, AdminActor actor, CancellationToken cancellationToken)
    {
        var summary = await rules.PreviewAsync(async c => (await c.BlockClusterAsync(clusterId, null, reason, actor.Email, cancellationToken)).Effect, cancellationToken);
        return await RuleChangeEffect.DescribeAsync(db, summary, cancellationToken);
    }

    public async Task<RedecisionSummary> BlockAsync(int clusterId, DateTimeOffset? startsAt, string reason, AdminActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var scheduled = startsAt > now;
        return await PolicyTransaction.RunAsync(db, async ct =>
        {
            var (block, effect) = await rules.BlockClusterAsync(clusterId, scheduled ? startsAt : null, reason, actor.Email, ct);
            var details = scheduled
                ? FormattableString.Invariant($"starts_at={block.StartsAt.UtcDateTime:O}")
                : RuleChangeEffect.Details(effect);
            await actions.RecordAsync(
                actor, scheduled ? AdminActionKind.ClusterBlockScheduled : AdminActionKind.ClusterBlocked, new AdminTarget(ClusterId: clusterId), reason, details, ct);
            return effect;
        },
        cancellationToken);
    }

    /// <summary>What opening the cluster (or cancelling its scheduled closure) brings back.</summary>
    public async Task<RuleChangeEffect> PreviewOpenAsync(int clusterId, string reason, AdminActor actor, CancellationToken cancellationToken)
    {
        var summary = await rules.PreviewAsync(c => c.OpenClusterAsync(clusterId, reason, actor.Email, cancellationToken), cancellationToken);
        return await RuleChangeEffect.DescribeAsync(db, summary, cancellationToken);
    }

    public Task<RedecisionSummary> OpenAsync(int clusterId, string reason, AdminActor actor, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var effect = await rules.OpenClusterAsync(clusterId, reason, actor.Email, ct);
            await actions.RecordAsync(actor, AdminActionKind.ClusterOpened, new AdminTarget(ClusterId: clusterId), reason, RuleChangeEffect.Details(effect), ct);
            return effect;
        },
        cancellationToken);

    /// <summary>
    /// Adds a cluster, open to everyone until it is closed; it has no categories yet, so no listing is decided again.
    /// A code taken is refused, also when another admin adds it at the same moment (the unique index decides then).
    /// </summary>
    public async Task<int> CreateAsync(string code, string nameId, string nameEn, AdminActor actor, CancellationToken cancellationToken)
    {
        var cluster = new Cluster(code, nameId, nameEn);
        try
        {
            return await PolicyTransaction.RunAsync(db, async ct =>
            {
                if (await db.Clusters.AnyAsync(c => c.Code == cluster.Code, ct))
                {
                    throw CodeTaken(cluster);
                }

                db.Clusters.Add(cluster);
                await db.SaveChangesAsync(ct);
                await actions.RecordAsync(actor, AdminActionKind.ClusterCreated, new AdminTarget(ClusterId: cluster.Id), null, $"code={cluster.Code}", ct);
                return cluster.Id;
            },
            cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw CodeTaken(cluster);
        }
    }

    private static DomainException CodeTaken(Cluster cluster) => new("cluster.code_taken", $"A cluster {cluster.Code} exists already.");
}

using Marketplace.Domain.Policy;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Policy;

/// <summary>The rules in force and the clusters they name, read in the caller's transaction.</summary>
public sealed record LoadedPolicy(PolicyInForce Rules, IReadOnlyDictionary<int, ClusterRef> Clusters);

/// <summary>
/// Reads the rules in force from the database. Nothing is cached: every decision reads the current rules inside its
/// own transaction, after taking its locks, so a change made through one web node acts on every node's next request.
/// </summary>
public static class PolicyRules
{
    public static async Task<LoadedPolicy> LoadAsync(MarketplaceDbContext db, CancellationToken cancellationToken = default)
    {
        var settings = await db.PolicySettings.AsNoTracking().SingleAsync(cancellationToken);
        var blocks = await db.ClusterBlocks.AsNoTracking()
            .Select(b => new ClusterBlockWindow(b.ClusterId, b.StartsAt, b.LiftedAt))
            .ToListAsync(cancellationToken);
        var clusters = await db.Clusters.AsNoTracking()
            .ToDictionaryAsync(c => c.Id, c => new ClusterRef(c.Id, c.Code, c.NameId, c.NameEn), cancellationToken);
        var terms = await db.LexiconTerms.AsNoTracking().Select(t => new { t.ClusterId, t.Term }).ToListAsync(cancellationToken);
        var lexicons = terms.GroupBy(t => t.ClusterId)
            .Select(g => new ClusterLexicon(clusters[g.Key], g.Select(t => t.Term)))
            .ToList();
        var rules = new PolicyInForce(settings.Version, blocks, lexicons, settings.MinimumPrice);
        return new LoadedPolicy(rules, clusters);
    }
}

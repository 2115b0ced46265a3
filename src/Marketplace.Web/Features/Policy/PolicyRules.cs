using Marketplace.Domain.Policy;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Policy;

/// <summary>
/// Reads the rules in force from the database as one <see cref="PolicyInForce"/>. Nothing is cached: every decision
/// reads the current rules in its own transaction, so a change on one web node acts on every node's next request.
/// </summary>
public static class PolicyRules
{
    public static async Task<PolicyInForce> LoadAsync(MarketplaceDbContext db, CancellationToken cancellationToken = default)
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
        return new PolicyInForce(settings.Version, blocks, lexicons, settings.MinimumPrice);
    }
}

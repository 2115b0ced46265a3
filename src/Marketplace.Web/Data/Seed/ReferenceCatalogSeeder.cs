using Marketplace.Domain.Catalog;
using Marketplace.Domain.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data.Seed;

/// <summary>
/// Loads the catalog every installation starts with when the database has none: clusters, the category tree,
/// the lexicons, the policy settings, and the 2021 closure of the three protected clusters to cross-border sales.
/// </summary>
internal static class ReferenceCatalogSeeder
{
    /// <summary>The instant the protected clusters closed (AKAR Indonesia, August 2021), in UTC as Npgsql requires.</summary>
    public static readonly DateTimeOffset ClosedSince = new DateTimeOffset(2021, 8, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    public const string ClosureReason = "Gerakan AKAR Indonesia: penjualan lintas negara ditutup untuk melindungi UMKM (Kemenkop UKM, 2021).";

    public static async Task EnsureAsync(MarketplaceDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Clusters.AnyAsync(cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var clusters = ReferenceCatalog.Clusters.Select(c => new Cluster(c.Code, c.NameId, c.NameEn)).ToList();
        db.Clusters.AddRange(clusters);
        db.PolicySettings.Add(new PolicySettings(CrossBorderMinimumPrice.Off, "system", ClosedSince));
        await db.SaveChangesAsync(cancellationToken);

        var clusterIds = clusters.ToDictionary(c => c.Code, c => c.Id);
        foreach (var seed in ReferenceCatalog.Clusters.Where(c => c.BlockedForCrossBorder))
        {
            var block = new ClusterBlock(clusterIds[seed.Code], ClosedSince, ClosureReason, "system", ClosedSince);
            block.MarkSwept(ClosedSince);
            db.ClusterBlocks.Add(block);
        }

        db.LexiconTerms.AddRange(ReferenceCatalog.Lexicons.SelectMany(l => l.Terms.Select(t => new LexiconTerm(clusterIds[l.ClusterCode], t))).DistinctBy(t => (t.ClusterId, t.Term)));

        // Parents come before children in the list; each category is saved once its parent has an id.
        var categoryIds = new Dictionary<string, int>();
        foreach (var level in ByDepth(ReferenceCatalog.Categories))
        {
            var rows = level.Select(seed => (seed, category: seed.ClusterCode is null
                ? Category.Branch(seed.Slug, seed.NameId, seed.NameEn, Parent(seed))
                : Category.Leaf(seed.Slug, seed.NameId, seed.NameEn, Parent(seed), clusterIds[seed.ClusterCode], seed.HsChapters))).ToList();
            db.Categories.AddRange(rows.Select(r => r.category));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (seed, category) in rows)
            {
                categoryIds[seed.Slug] = category.Id;
            }
        }

        await transaction.CommitAsync(cancellationToken);

        int? Parent(CategorySeed seed) => seed.ParentSlug is null ? null : categoryIds[seed.ParentSlug];
    }

    private static IEnumerable<IReadOnlyList<CategorySeed>> ByDepth(IReadOnlyList<CategorySeed> categories)
    {
        var bySlug = categories.ToDictionary(c => c.Slug);
        int Depth(CategorySeed c) => c.ParentSlug is null ? 0 : 1 + Depth(bySlug[c.ParentSlug]);
        return categories.GroupBy(Depth).OrderBy(g => g.Key).Select(g => (IReadOnlyList<CategorySeed>)g.ToList());
    }
}

using Marketplace.Domain.Audit;
using Marketplace.Domain.Catalog;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Common;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Admin.Categories;

/// <summary>A category in the tree, at its depth, with its cluster, HS chapters and how many listings it holds.</summary>
public sealed record CategoryNode(
    int Id, int? ParentId, int Depth, string Slug, string NameId, string NameEn, int? ClusterId, string? ClusterCode,
    IReadOnlyList<int> HsChapters, bool IsRetired, int Listings)
{
    public bool IsLeaf => ClusterId.HasValue;

    public string Name(bool indonesian) => indonesian ? NameId : NameEn;
}

/// <summary>What an admin enters to add a category: a leaf when it names a cluster, a branch otherwise.</summary>
public sealed record NewCategory(int? ParentId, string Slug, string NameId, string NameEn, int? ClusterId, IReadOnlyList<int> HsChapters);

/// <summary>The category tree for admins: creating, renaming and retiring categories, and moving a leaf to another cluster through the policy.</summary>
public sealed class CategoryConsole(MarketplaceDbContext db, PolicyRuleChanges rules, AdminActionLog actions)
{
    /// <summary>The whole tree, parents before their children, in name order; a few hundred rows and one aggregate.</summary>
    public async Task<IReadOnlyList<CategoryNode>> TreeAsync(CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        var clusters = await db.Clusters.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var counts = await db.Listings.GroupBy(l => l.CategoryId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var children = categories.ToLookup(c => c.ParentId);
        var tree = new List<CategoryNode>(categories.Count);
        void Add(int? parentId, int depth)
        {
            foreach (var c in children[parentId].OrderBy(c => c.NameId, StringComparer.OrdinalIgnoreCase))
            {
                tree.Add(new CategoryNode(
                    c.Id, c.ParentId, depth, c.Slug, c.NameId, c.NameEn, c.ClusterId, c.ClusterId is { } id ? clusters[id] : null,
                    c.HsChapters, c.IsRetired, counts.GetValueOrDefault(c.Id)));
                Add(c.Id, depth + 1);
            }
        }

        Add(null, 0);
        return tree;
    }

    public Task<List<ClusterOption>> ClustersAsync(CancellationToken cancellationToken) =>
        db.Clusters.AsNoTracking().OrderBy(c => c.Code).Select(c => new ClusterOption(c.Id, c.Code, c.NameId, c.NameEn)).ToListAsync(cancellationToken);

    public async Task<CategoryNode?> FindAsync(int categoryId, CancellationToken cancellationToken) =>
        (await TreeAsync(cancellationToken)).SingleOrDefault(c => c.Id == categoryId);

    public Task<RuleChangeEffect> DescribeAsync(RedecisionSummary summary, CancellationToken cancellationToken) => RuleChangeEffect.DescribeAsync(db, summary, cancellationToken);

    public Task<int> CreateAsync(NewCategory input, AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return PolicyTransaction.RunAsync(db, async ct =>
        {
            var category = input.ClusterId is { } clusterId
                ? Category.Leaf(input.Slug, input.NameId, input.NameEn, input.ParentId, clusterId, input.HsChapters)
                : Category.Branch(input.Slug, input.NameId, input.NameEn, input.ParentId);
            if (await db.Categories.AnyAsync(c => c.Slug == category.Slug, ct))
            {
                throw new DomainException("category.slug_taken", $"A category {category.Slug} exists already.");
            }

            if (input.ParentId is { } parentId && !await db.Categories.AnyAsync(c => c.Id == parentId && c.ClusterId == null, ct))
            {
                throw new DomainException("category.parent_not_branch", "A category sits under a branch, not under a leaf.");
            }

            db.Categories.Add(category);
            await db.SaveChangesAsync(ct);
            await actions.RecordAsync(
                actor, AdminActionKind.CategoryCreated, new AdminTarget(ClusterId: category.ClusterId, CategoryId: category.Id), null, $"slug={category.Slug}", ct);
            return category.Id;
        },
        cancellationToken);
    }

    public Task<bool> RenameAsync(int categoryId, string nameId, string nameEn, AdminActor actor, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var category = await db.Categories.SingleAsync(c => c.Id == categoryId, ct);
            var before = $"{category.NameId} / {category.NameEn}";
            category.Rename(nameId, nameEn);
            await actions.RecordAsync(
                actor, AdminActionKind.CategoryRenamed, new AdminTarget(CategoryId: categoryId), null, $"from={before}; to={category.NameId} / {category.NameEn}", ct);
            return true;
        },
        cancellationToken);

    /// <summary>Retires a category: it takes no new listings, and the listings it holds stay as they are, live ones included.</summary>
    public Task<bool> RetireAsync(int categoryId, AdminActor actor, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var category = await db.Categories.SingleAsync(c => c.Id == categoryId, ct);
            category.Retire();
            await actions.RecordAsync(actor, AdminActionKind.CategoryRetired, new AdminTarget(ClusterId: category.ClusterId, CategoryId: categoryId), null, null, ct);
            return true;
        },
        cancellationToken);

    public async Task<RuleChangeEffect> PreviewMoveAsync(int categoryId, int clusterId, AdminActor actor, CancellationToken cancellationToken)
    {
        var summary = await rules.PreviewAsync(c => c.MoveCategoryAsync(categoryId, clusterId, actor.Email, cancellationToken), cancellationToken);
        return await RuleChangeEffect.DescribeAsync(db, summary, cancellationToken);
    }

    public Task<RedecisionSummary> MoveAsync(int categoryId, int clusterId, AdminActor actor, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var from = await db.Categories.AsNoTracking().Where(c => c.Id == categoryId).Select(c => c.ClusterId).SingleAsync(ct);
            var effect = await rules.MoveCategoryAsync(categoryId, clusterId, actor.Email, ct);
            var details = FormattableString.Invariant($"from_cluster={from}; to_cluster={clusterId}; ") + RuleChangeEffect.Details(effect);
            await actions.RecordAsync(actor, AdminActionKind.CategoryMoved, new AdminTarget(ClusterId: clusterId, CategoryId: categoryId), null, details, ct);
            return effect;
        },
        cancellationToken);
}

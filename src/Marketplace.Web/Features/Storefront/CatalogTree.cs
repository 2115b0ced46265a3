using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Storefront;

public sealed record CategoryNode(int Id, int? ParentId, string Slug, string NameId, string NameEn)
{
    public string Name(bool indonesian) => indonesian ? NameId : NameEn;
}

/// <summary>The category tree as one snapshot: a few hundred small rows, read whole rather than walked with one query per level.</summary>
public sealed class CatalogTree
{
    private readonly Dictionary<int, CategoryNode> _byId;
    private readonly Dictionary<string, CategoryNode> _bySlug;
    private readonly ILookup<int?, CategoryNode> _children;

    public CatalogTree(IEnumerable<CategoryNode> nodes)
    {
        var list = nodes.ToList();
        _byId = list.ToDictionary(n => n.Id);
        _bySlug = list.ToDictionary(n => n.Slug, StringComparer.Ordinal);
        _children = list.OrderBy(n => n.NameId, StringComparer.Ordinal).ToLookup(n => n.ParentId);
    }

    public IEnumerable<CategoryNode> Roots => _children[null];

    public IEnumerable<CategoryNode> All => _byId.Values;

    public CategoryNode? Find(string slug) => _bySlug.GetValueOrDefault(slug);

    public CategoryNode? Find(int id) => _byId.GetValueOrDefault(id);

    public IEnumerable<CategoryNode> ChildrenOf(int id) => _children[id];

    /// <summary>From the root down to the node itself, for breadcrumbs.</summary>
    public IReadOnlyList<CategoryNode> PathTo(int id)
    {
        var path = new List<CategoryNode>();
        for (var node = Find(id); node is not null && path.Count < _byId.Count; node = node.ParentId is { } parent ? Find(parent) : null)
        {
            path.Add(node);
        }

        path.Reverse();
        return path;
    }

    /// <summary>The node and every category below it; listings sit in leaves, so a branch's page shows its whole subtree.</summary>
    public IReadOnlyList<int> SubtreeIds(int id)
    {
        var ids = new List<int>();
        var pending = new Stack<int>([id]);
        while (pending.Count > 0 && ids.Count < _byId.Count)
        {
            var next = pending.Pop();
            ids.Add(next);
            foreach (var child in _children[next])
            {
                pending.Push(child.Id);
            }
        }

        return ids;
    }
}

/// <summary>Reads the category tree for one request.</summary>
public sealed class CatalogReader(StorefrontReads reads)
{
    private static readonly Func<MarketplaceDbContext, IAsyncEnumerable<CategoryNode>> AllNodes = EF.CompileAsyncQuery(
        (MarketplaceDbContext context) => context.Categories.AsNoTracking()
            .Select(c => new CategoryNode(c.Id, c.ParentId, c.Slug, c.NameId, c.NameEn)));

    public async Task<CatalogTree> ReadAsync(CancellationToken cancellationToken)
    {
        var nodes = new List<CategoryNode>();
        await foreach (var node in AllNodes(await reads.ContextAsync(cancellationToken)).WithCancellation(cancellationToken))
        {
            nodes.Add(node);
        }

        return new CatalogTree(nodes);
    }
}

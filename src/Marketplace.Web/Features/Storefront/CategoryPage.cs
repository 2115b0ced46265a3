namespace Marketplace.Web.Features.Storefront;

public sealed record CategoryPageContent(
    CategoryNode Category,
    IReadOnlyList<CategoryNode> Path,
    IReadOnlyList<CategoryNode> Children,
    IReadOnlyList<CategoryNode> Siblings,
    ListingResults Listings,
    int? CountWithoutFilters);

/// <summary>A category and everything below it: a branch's page lists the listings of all its sub-categories.</summary>
public sealed class CategoryPage(CatalogReader catalog, ListingSearch search)
{
    /// <returns>Null for an unknown category; the page answers 404.</returns>
    public async Task<CategoryPageContent?> ReadAsync(string slug, ListingQuery query, CancellationToken cancellationToken)
    {
        var tree = await catalog.ReadAsync(cancellationToken);
        if (tree.Find(slug) is not { } category)
        {
            return null;
        }

        var scope = new ShelfScope(CategoryIds: tree.SubtreeIds(category.Id));
        var listings = await search.FindAsync(query, scope, cancellationToken);
        int? withoutFilters = listings.Total == 0 && query.HasFilters ? await search.CountWithoutFiltersAsync(query, scope, cancellationToken) : null;
        var siblings = category.ParentId is { } parent ? tree.ChildrenOf(parent).Where(c => c.Id != category.Id).ToList() : [];
        return new CategoryPageContent(category, tree.PathTo(category.Id), tree.ChildrenOf(category.Id).ToList(), siblings, listings, withoutFilters);
    }
}

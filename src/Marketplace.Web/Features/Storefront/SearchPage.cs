namespace Marketplace.Web.Features.Storefront;

public sealed record SearchPageContent(ListingResults Listings, int? CountWithoutFilters, IReadOnlyList<CategoryNode> Suggestions, string? DidYouMean = null);

/// <summary>
/// Search results, and for an empty result something to try next: the words as the shopper probably meant them, the same
/// words without filters, or a top category.
/// </summary>
public sealed class SearchPage(CatalogReader catalog, ListingSearch search, SearchVocabulary vocabulary)
{
    public async Task<SearchPageContent> ReadAsync(ListingQuery query, CancellationToken cancellationToken)
    {
        var listings = await search.FindAsync(query, ShelfScope.Everywhere, cancellationToken);
        if (listings.Total > 0)
        {
            return new SearchPageContent(listings, null, []);
        }

        int? withoutFilters = query.HasFilters ? await search.CountWithoutFiltersAsync(query, ShelfScope.Everywhere, cancellationToken) : null;
        var meant = query.HasText ? await vocabulary.CorrectAsync(query.Text, cancellationToken) : null;
        var tree = await catalog.ReadAsync(cancellationToken);
        return new SearchPageContent(listings, withoutFilters, tree.Roots.ToList(), meant);
    }
}

namespace Marketplace.Web.Features.Storefront;

/// <param name="ShowingFor">The corrected words whose results are shown, when the words typed found nothing.</param>
public sealed record SearchPageContent(
    ListingResults Listings, int? CountWithoutFilters, IReadOnlyList<CategoryNode> Suggestions, string? DidYouMean = null, string? ShowingFor = null);

/// <summary>
/// Search results. When the words typed find nothing and a confident correction finds something, its results are shown at
/// once, as the big search engines do, with a way back to the words as typed. Otherwise an empty result offers something
/// to try next: the words as the shopper probably meant them, the same words without filters, or a top category.
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

        var meant = query.HasText ? await vocabulary.CorrectAsync(query.Text, cancellationToken) : null;
        if (meant is not null && !query.AsTyped)
        {
            var corrected = await search.FindAsync(query with { Text = meant }, ShelfScope.Everywhere, cancellationToken);
            if (corrected.Total > 0)
            {
                return new SearchPageContent(corrected, null, [], ShowingFor: meant);
            }
        }

        int? withoutFilters = query.HasFilters ? await search.CountWithoutFiltersAsync(query, ShelfScope.Everywhere, cancellationToken) : null;
        var tree = await catalog.ReadAsync(cancellationToken);
        return new SearchPageContent(listings, withoutFilters, tree.Roots.ToList(), meant);
    }
}

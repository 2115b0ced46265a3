namespace Marketplace.Web.Features.Storefront;

/// <summary>What the shared results partial needs: the page's own path, so every link it writes keeps the shopper on that page.</summary>
public sealed record ListingResultsView(
    string Path,
    ListingQuery Query,
    ListingResults Results,
    int? CountWithoutFilters = null,
    IReadOnlyList<CategoryNode>? Suggestions = null,
    string? DidYouMean = null,
    string? ShowingFor = null)
{
    public string Link(ListingQuery query) => Path + query.ToQueryString();
}

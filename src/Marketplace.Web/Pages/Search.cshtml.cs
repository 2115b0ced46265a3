using Marketplace.Web.Features.Storefront;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

public sealed class SearchModel(SearchPage searchPage) : PageModel
{
    public ListingQuery Query { get; private set; } = new();

    public ListingResultsView View { get; private set; } = new("/Search", new ListingQuery(), ListingResults.None);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Query = ListingQuery.FromUrl(Request.Query);
        if (!Query.IsWrittenAs(Request.Query))
        {
            return Redirect("/Search" + Query.ToQueryString());
        }

        var content = await searchPage.ReadAsync(Query, cancellationToken);
        View = new ListingResultsView("/Search", Query, content.Listings, content.CountWithoutFilters, content.Suggestions, content.DidYouMean, content.ShowingFor);
        return Page();
    }
}

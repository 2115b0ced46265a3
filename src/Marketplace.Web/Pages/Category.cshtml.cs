using Marketplace.Web.Features.Storefront;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

public sealed class CategoryModel(CategoryPage categoryPage) : PageModel
{
    public CategoryPageContent Shown { get; private set; } = null!;

    public ListingResultsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var query = ListingQuery.FromUrl(Request.Query);
        if (!query.IsWrittenAs(Request.Query))
        {
            return Redirect($"/c/{Uri.EscapeDataString(slug)}{query.ToQueryString()}");
        }

        if (await categoryPage.ReadAsync(slug, query, cancellationToken) is not { } content)
        {
            return NotFound();
        }

        Shown = content;
        View = new ListingResultsView("/c/" + content.Category.Slug, query, content.Listings, content.CountWithoutFilters);
        return Page();
    }
}

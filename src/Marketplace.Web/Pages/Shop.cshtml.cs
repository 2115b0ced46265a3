using Marketplace.Web.Features.Storefront;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

public sealed class ShopModel(ShopPage shopPage) : PageModel
{
    public ShopPageContent Shown { get; private set; } = null!;

    public ListingResultsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var query = ListingQuery.FromUrl(Request.Query);
        if (!query.IsWrittenAs(Request.Query))
        {
            return Redirect($"/s/{Uri.EscapeDataString(slug)}{query.ToQueryString()}");
        }

        if (await shopPage.ReadAsync(slug, query, cancellationToken) is not { } content)
        {
            return NotFound();
        }

        Shown = content;
        View = new ListingResultsView("/s/" + content.Seller.Slug, query, content.Listings);
        return Page();
    }
}

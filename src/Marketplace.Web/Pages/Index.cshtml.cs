using Marketplace.Web.Features.Storefront;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

public sealed class IndexModel(HomePage homePage) : PageModel
{
    public HomePageContent Home { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Home = await homePage.ReadAsync(cancellationToken);
}

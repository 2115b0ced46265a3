using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Admin.Sellers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Sellers;

public sealed class IndexModel(SellerConsole sellers, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public SellerOrigin? Origin { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public SellerStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SellerSearchResult Result { get; private set; } = new([], 0, 1, 1, []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await sellers.SearchAsync(new SellerFilter(Q, Origin, Country, Status, PageNumber), cancellationToken);

    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string> { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(Q))
        {
            values["q"] = Q;
        }

        if (Origin is { } origin)
        {
            values["origin"] = origin.ToString();
        }

        if (!string.IsNullOrWhiteSpace(Country))
        {
            values["country"] = Country;
        }

        if (Status is { } status)
        {
            values["status"] = status.ToString();
        }

        return values;
    }
}

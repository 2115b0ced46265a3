using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Web.Features.Sellers;
using Marketplace.Web.Features.Sellers.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Listings;

public sealed class IndexModel(SellerListings listings, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    [BindProperty(SupportsGet = true)]
    public ListingState? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListingTable Table { get; private set; } = new([], 0, 1, SellerListings.PageSize);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Table = await listings.TableAsync(Shop.Id, State, Search, PageNumber, cancellationToken);

    /// <summary>Quick price and stock edit from the table; a live listing whose price changed is decided again.</summary>
    public async Task<IActionResult> OnPostQuickAsync(long id, string? price, string? stock, int version, CancellationToken cancellationToken)
    {
        if (!Rupiah.TryParse(price, out var amount) || !int.TryParse(stock, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var units))
        {
            Message = text["Seller.Listings.QuickInvalid"];
            return RedirectToPage(new { State, q = Search, p = PageNumber });
        }

        try
        {
            var edited = await listings.SetPriceAndStockAsync(Shop.Id, id, amount, units, version, Actor, cancellationToken);
            if (edited is null)
            {
                return NotFound();
            }

            Message = edited.Stale ? text["Seller.Listings.QuickStale"] : text["Seller.Listings.QuickSaved"];
        }
        catch (DomainException e)
        {
            Message = text.Describe(e);
        }

        return RedirectToPage(new { State, q = Search, p = PageNumber });
    }
}

using Marketplace.Web.Features.Payouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Saldo;

/// <summary>The e-mailed link of an account change: the page asks, and only the POST confirms (mail scanners follow links).</summary>
public sealed class ConfirmModel(SellerPayouts payouts, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Message = await payouts.ConfirmAccountAsync(Shop.Id, Token, cancellationToken) ? text["Saldo.Account.Confirmed"] : text["Saldo.Account.ConfirmFailed"];
        return RedirectToPage("/Saldo/Index");
    }
}

using Marketplace.Web.Features.Orders;
using Marketplace.Web.Features.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Orders;

public sealed class DetailModel(OrderHistory orders, SandboxPayments sandbox, IStringLocalizer<SharedResource> text) : PageModel
{
    public OrderDetails Details { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await orders.FindAsync(CartService.ShopperId(User)!, number, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        return Page();
    }

    /// <summary>The sandbox provider's "simulate payment": only where the sandbox is on, only for the shopper's own order.</summary>
    public async Task<IActionResult> OnPostSimulatePaymentAsync(string number, CancellationToken cancellationToken)
    {
        if (await sandbox.PayAsync(CartService.ShopperId(User)!, number, cancellationToken) is not { } outcome)
        {
            return NotFound();
        }

        Message = text["Payment.Outcome." + outcome];
        return RedirectToPage(new { number });
    }
}

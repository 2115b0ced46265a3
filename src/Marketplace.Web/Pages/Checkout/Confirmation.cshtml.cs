using Marketplace.Web.Features.Orders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Checkout;

[Authorize]
public sealed class ConfirmationModel(OrderHistory orders) : PageModel
{
    public OrderDetails Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await orders.FindAsync(CartService.ShopperId(User)!, number, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        return Page();
    }
}

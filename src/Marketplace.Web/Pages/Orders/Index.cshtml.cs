using Marketplace.Domain.Orders;
using Marketplace.Web.Features.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Orders;

public sealed class IndexModel(OrderHistory orders) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ShopperStage? Stage { get; set; }

    public OrderHistoryPage History { get; private set; } = new([], null, 1, false);

    public async Task OnGetAsync(int? page, CancellationToken cancellationToken) =>
        History = await orders.ListAsync(CartService.ShopperId(User)!, Stage, page ?? 1, cancellationToken);
}

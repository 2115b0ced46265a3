using Marketplace.Web.Features.Orders;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Orders;

public sealed class IndexModel(OrderHistory orders) : PageModel
{
    public OrderHistoryPage History { get; private set; } = new([], 1, false);

    public async Task OnGetAsync(int? page, CancellationToken cancellationToken) =>
        History = await orders.ListAsync(CartService.ShopperId(User)!, page ?? 1, cancellationToken);
}

using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Sellers;
using Marketplace.Web.Features.Sellers.Orders;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Areas.Seller.Pages;

public sealed class IndexModel(MarketplaceDbContext db, UserManager<Identity.ApplicationUser> users, SellerPolicyNotices notices, SellerOrders orders) : PageModel
{
    public Domain.Sellers.Seller? Shop { get; private set; }

    public IReadOnlyList<(ListingState State, int Count)> ListingsByState { get; private set; } = [];

    public SellerNotices Notices { get; private set; } = new([], []);

    public int OrdersToHandle { get; private set; }

    public IReadOnlyList<DailyRevenue> Revenue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Shop = await CurrentShopAsync(cancellationToken);
        if (Shop is null)
        {
            return;
        }

        var sellerId = Shop.Id;
        var counts = await db.Listings.AsNoTracking().Where(l => l.SellerId == sellerId)
            .GroupBy(l => l.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        ListingsByState = Enum.GetValues<ListingState>().Select(s => (s, counts.SingleOrDefault(c => c.Key == s)?.Count ?? 0)).ToList();
        Notices = await notices.ReadAsync(sellerId, cancellationToken);
        OrdersToHandle = await orders.ToHandleAsync(sellerId, cancellationToken);
        Revenue = await orders.RevenueAsync(sellerId, 30, ShopTime, cancellationToken);
    }

    /// <summary>Days are counted in western Indonesian time (WIB), where most shops and shoppers are.</summary>
    private static TimeZoneInfo ShopTime => TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    public async Task<IActionResult> OnPostMarkReadAsync(CancellationToken cancellationToken)
    {
        var shop = await CurrentShopAsync(cancellationToken);
        if (shop is not null)
        {
            await notices.MarkAllReadAsync(shop.Id, cancellationToken);
        }

        return RedirectToPage();
    }

    private Task<Domain.Sellers.Seller?> CurrentShopAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        return db.Sellers.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
    }
}

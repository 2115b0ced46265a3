using Marketplace.Domain.Listings;
using Marketplace.Domain.Notifications;
using Marketplace.Web.Features.Enforcement;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Features.Sellers;
using Marketplace.Web.Features.Sellers.Listings;
using Marketplace.Web.Features.Sellers.Orders;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Areas.Seller.Pages;

public sealed class IndexModel(SellerListings listings, SellerPolicyNotices notices, Inbox inbox, SellerOrders orders, StrikeLedger strikes) : SellerPageModel
{
    /// <summary>The newest of the seller's inbox shown on the home page; the rest are on the inbox page.</summary>
    public const int NewestShown = 5;

    public IReadOnlyList<(ListingState State, int Count)> ListingsByState { get; private set; } = [];

    public IReadOnlyList<ListingNotice> Notices { get; private set; } = [];

    public InboxPage Inbox { get; private set; } = new([], 1, false);

    public int OrdersToHandle { get; private set; }

    public ShopStrikes Strikes { get; private set; } = new([], 0, 0);

    public IReadOnlyList<DailyRevenue> Revenue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ListingsByState = await listings.CountByStateAsync(Shop.Id, cancellationToken);
        Notices = await notices.ReadAsync(Shop.Id, cancellationToken);
        Inbox = await inbox.PageAsync(UserId, NotificationAudience.Seller, 1, cancellationToken);
        OrdersToHandle = await orders.ToHandleAsync(Shop.Id, cancellationToken);
        Revenue = await orders.RevenueAsync(Shop.Id, 30, cancellationToken);
        Strikes = await strikes.OfSellerAsync(Shop.Id, cancellationToken);
    }

    public async Task<IActionResult> OnPostMarkReadAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkAllReadAsync(UserId, NotificationAudience.Seller, cancellationToken);
        return RedirectToPage();
    }

    private string UserId => Features.Notifications.Inbox.UserIdOf(User)!;
}

using Marketplace.Domain.Notifications;
using Marketplace.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Areas.Seller.Pages.Notifications;

/// <summary>The seller's inbox: orders to ship and the policy's notices about the shop, newest first.</summary>
public sealed class IndexModel(Inbox inbox) : SellerPageModel
{
    public InboxPage Inbox { get; private set; } = new([], 1, false);

    /// <summary>Reading and marking notices is not a change to the shop, so a suspended shop may do it too.</summary>
    protected override bool PostsWhileReadOnly => true;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? number, CancellationToken cancellationToken) =>
        Inbox = await inbox.PageAsync(UserId, NotificationAudience.Seller, number ?? 1, cancellationToken);

    public async Task<IActionResult> OnPostOpenAsync(InboxSource source, long id, CancellationToken cancellationToken) =>
        InboxActions.Opened(this, await inbox.OpenAsync(UserId, NotificationAudience.Seller, source, id, cancellationToken));

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkAllReadAsync(UserId, NotificationAudience.Seller, cancellationToken);
        return RedirectToPage();
    }

    private string UserId => Features.Notifications.Inbox.UserIdOf(User)!;
}

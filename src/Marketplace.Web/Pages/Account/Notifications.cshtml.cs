using Marketplace.Domain.Notifications;
using Marketplace.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

/// <summary>The shopper's inbox: what the site told them about their orders, newest first.</summary>
public sealed class NotificationsModel(Inbox inbox) : PageModel
{
    public InboxPage Inbox { get; private set; } = new([], 1, false);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? number, CancellationToken cancellationToken) =>
        Inbox = await inbox.PageAsync(UserId, NotificationAudience.Shopper, number ?? 1, cancellationToken);

    public async Task<IActionResult> OnPostOpenAsync(InboxSource source, long id, CancellationToken cancellationToken) =>
        InboxActions.Opened(this, await inbox.OpenAsync(UserId, NotificationAudience.Shopper, source, id, cancellationToken));

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkAllReadAsync(UserId, NotificationAudience.Shopper, cancellationToken);
        return RedirectToPage();
    }

    private string UserId => Features.Notifications.Inbox.UserIdOf(User)!;
}

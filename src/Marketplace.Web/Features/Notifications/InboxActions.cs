using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Notifications;

/// <summary>What the shopper's and the seller's inbox pages answer, alike.</summary>
public static class InboxActions
{
    /// <summary>An item opened (and marked read) leads to its page; one without a link back to the inbox; another user's item is not found.</summary>
    public static IActionResult Opened(PageModel page, InboxOpened? opened)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (opened is null)
        {
            return page.NotFound();
        }

        return opened.Link is { } link && page.Url.IsLocalUrl(link) ? page.LocalRedirect(link) : page.RedirectToPage();
    }
}

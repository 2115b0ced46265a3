using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

/// <summary>The link in the confirmation e-mail; a bad or old link says so, without telling whether the account exists.</summary>
public sealed class ConfirmEmailModel(UserManager<ApplicationUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        if (userId is not null && code is not null && await users.FindByIdAsync(userId) is { } user)
        {
            Confirmed = AccountLinkCode.TryDecode(code, out var token) && (await users.ConfirmEmailAsync(user, token)).Succeeded;
        }

        return Page();
    }
}

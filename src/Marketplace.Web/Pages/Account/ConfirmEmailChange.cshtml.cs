using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

/// <summary>
/// The link sent to a new address. The address becomes the user's e-mail and sign-in name; Identity changes the security
/// stamp with it, so every session of the account ends, and the user signs in again with the new address.
/// </summary>
public sealed class ConfirmEmailChangeModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : PageModel
{
    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? email, string? code)
    {
        if (userId is null || email is null || code is null || await users.FindByIdAsync(userId) is not { } user
            || !AccountLinkCode.TryDecode(code, out var token))
        {
            return Page();
        }

        var changed = await users.ChangeEmailAsync(user, email, token);
        Changed = changed.Succeeded && (await users.SetUserNameAsync(user, email)).Succeeded;
        if (Changed)
        {
            await signIn.SignOutAsync();
        }

        return Page();
    }
}

using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

/// <summary>
/// The link sent to a new address. The address becomes the user's e-mail and sign-in name, the address it replaces is
/// told, and every session of the account ends (Identity changes the security stamp): the user signs in again with the new address.
/// </summary>
public sealed class ConfirmEmailChangeModel(AccountSecurity security, SignInManager<ApplicationUser> signIn) : PageModel
{
    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? email, string? code, CancellationToken cancellationToken)
    {
        if (userId is null || email is null || code is null)
        {
            return Page();
        }

        Changed = await security.ConfirmEmailChangeAsync(userId, email, code, cancellationToken);
        if (Changed)
        {
            await signIn.SignOutAsync();
        }

        return Page();
    }
}

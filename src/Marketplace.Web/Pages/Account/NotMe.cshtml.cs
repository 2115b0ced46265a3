using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

/// <summary>
/// "This was not me", from the link in a notice of a new password or a new e-mail address. Opening the link only asks
/// (mail scanners open links); the button takes the account back.
/// </summary>
public sealed class NotMeModel(AccountSecurity security) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool Valid { get; private set; }

    public bool Secured { get; private set; }

    public void OnGet() => Valid = security.IsNotMeLink(Code);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Secured = await security.TakeBackAsync(Code, cancellationToken);
        Valid = Secured;
        return Page();
    }
}

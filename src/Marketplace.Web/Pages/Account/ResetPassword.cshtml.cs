using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

/// <summary>
/// The link in the reset e-mail. Identity changes the security stamp with the password, so every other session ends, and
/// the account is told, with a "this was not me" link.
/// </summary>
public sealed class ResetPasswordModel(AccountSecurity security) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public IActionResult OnGet() => string.IsNullOrEmpty(Code) ? RedirectToPage("./ForgotPassword") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await security.ResetPasswordAsync(Input.Email.Trim(), Code, Input.Password, cancellationToken);
        if (!result.Succeeded)
        {
            Input.Refused(ModelState, nameof(Input), result.Errors);
            return Page();
        }

        TempData[LoginModel.NoticeKey] = "Account.ResetPassword.Done";
        return RedirectToPage("./Login");
    }

    public sealed class ResetInput : NewPasswordInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Account.Email")]
        public string Email { get; set; } = string.Empty;
    }
}

using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

/// <summary>The link in the reset e-mail. Identity changes the security stamp with the password, so every other session ends.</summary>
public sealed class ResetPasswordModel(UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public IActionResult OnGet() => string.IsNullOrEmpty(Code) ? RedirectToPage("./ForgotPassword") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var result = user is null || !AccountLinkCode.TryDecode(Code, out var token)
            ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
            : await users.ResetPasswordAsync(user, token, Input.Password);
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

using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Account.Manage;

/// <summary>
/// The signed-in user's account: a new e-mail, asked for with the password or a current code, takes effect only once
/// confirmed from the new address; a new password ends every other session (Identity changes the security stamp) and
/// keeps this one. Both are told to the account with a "this was not me" link.
/// </summary>
public sealed class IndexModel(UserManager<ApplicationUser> users, AccountSecurity security, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <remarks>Each form binds in its own handler, so the other form's empty fields are not validated.</remarks>
    public EmailInput NewEmail { get; private set; } = new();

    public PasswordInput NewPassword { get; private set; } = new();

    [TempData]
    public string? Message { get; set; }

    public string CurrentEmail { get; private set; } = string.Empty;

    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostEmailAsync(EmailInput newEmail, CancellationToken cancellationToken)
    {
        NewEmail = newEmail;
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            newEmail.Proof = string.Empty;
            return Page();
        }

        var email = newEmail.Email.Trim();
        if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("NewEmail.Email", users.ErrorDescriber.DuplicateEmail(email).Description);
            return Page();
        }

        // Sent whether or not the address belongs to someone else, so this form cannot test addresses either.
        var proof = await security.RequestEmailChangeAsync(HttpContext, user, email, newEmail.Proof, cancellationToken);
        newEmail.Proof = string.Empty;
        if (!proof.IsAccepted)
        {
            return ProofAnswer.Refused(this, proof, "NewEmail.Proof", text);
        }

        Message = "Account.Manage.EmailSent";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync(PasswordInput newPassword, CancellationToken cancellationToken)
    {
        NewPassword = newPassword;
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (proof, result) = await security.ChangePasswordAsync(HttpContext, user, newPassword.CurrentPassword, newPassword.Password, cancellationToken);
        if (!proof.IsAccepted)
        {
            newPassword.Refused(ModelState, nameof(NewPassword), []);
            return ProofAnswer.Refused(this, proof, "NewPassword.CurrentPassword", text);
        }

        if (!result.Succeeded)
        {
            newPassword.Refused(ModelState, nameof(NewPassword), result.Errors);
            return Page();
        }

        Message = "Account.Manage.PasswordChanged";
        return RedirectToPage();
    }

    private async Task<ApplicationUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        CurrentEmail = user?.Email ?? string.Empty;
        TwoFactorEnabled = user?.TwoFactorEnabled ?? false;
        return user;
    }

    public sealed class EmailInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Account.NewEmail")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, ErrorMessage = "Validation.StringLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Account.Proof")]
        public string Proof { get; set; } = string.Empty;
    }

    public sealed class PasswordInput : NewPasswordInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, ErrorMessage = "Validation.StringLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Account.CurrentPassword")]
        public string CurrentPassword { get; set; } = string.Empty;
    }
}

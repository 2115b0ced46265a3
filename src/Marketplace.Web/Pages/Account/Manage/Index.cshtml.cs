using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account.Manage;

/// <summary>
/// The signed-in user's account: a new e-mail takes effect only once confirmed from the new address; a new password ends
/// every other session (Identity changes the security stamp) and keeps this one.
/// </summary>
public sealed class IndexModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AccountEmails emails) : PageModel
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
            return Page();
        }

        var email = newEmail.Email.Trim();
        if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("NewEmail.Email", users.ErrorDescriber.DuplicateEmail(email).Description);
            return Page();
        }

        // Sent whether or not the address belongs to someone else, so this form cannot test addresses either.
        await emails.SendEmailChangeAsync(HttpContext, user, email, cancellationToken);
        Message = "Account.Manage.EmailSent";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync(PasswordInput newPassword)
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

        var result = await users.ChangePasswordAsync(user, newPassword.CurrentPassword, newPassword.Password);
        if (!result.Succeeded)
        {
            newPassword.Refused(ModelState, nameof(NewPassword), result.Errors);
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
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

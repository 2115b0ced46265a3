using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Features.Orders;
using Marketplace.Web.Identity;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Pages.Account;

/// <summary>Self-registration makes shoppers only; sellers open a shop afterwards, and admins never register themselves.</summary>
public sealed class RegisterModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    CartService carts,
    IOptions<IdentityOptions> identity,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new ApplicationUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            PreferredLanguage = Languages.IsIndonesian ? "id" : "en",
        };
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, Describe(error));
            }

            Input.Password = string.Empty;
            Input.ConfirmPassword = string.Empty;
            return Page();
        }

        await users.AddToRoleAsync(user, Roles.Shopper);
        if (signIn.Options.SignIn.RequireConfirmedAccount)
        {
            return RedirectToPage("./Login");
        }

        await signIn.SignInAsync(user, isPersistent: false);
        await carts.MergeAtLoginAsync(HttpContext, user.Id, cancellationToken);
        return LocalRedirect("/");
    }

    private string Describe(IdentityError error) => error.Code switch
    {
        "DuplicateEmail" or "DuplicateUserName" => text["Identity.DuplicateEmail", Input.Email],
        "PasswordTooShort" => text["Identity.PasswordTooShort", identity.Value.Password.RequiredLength],
        "PasswordRequiresDigit" => text["Identity.PasswordRequiresDigit"],
        "PasswordRequiresLower" => text["Identity.PasswordRequiresLower"],
        _ => text["Identity.Other", error.Description],
    };

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, MinimumLength = 2, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Account.DisplayName")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Account.Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Account.Password")]
        public string Password { get; set; } = string.Empty;

        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        [Display(Name = "Account.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}

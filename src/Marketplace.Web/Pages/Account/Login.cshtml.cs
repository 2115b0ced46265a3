using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Features.Orders;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Pages.Account;

/// <summary>Log-in that counts failures and locks the account after the configured number (the default Identity page does not).</summary>
public sealed class LoginModel(
    SignInManager<ApplicationUser> signIn,
    CartService carts,
    IOptions<IdentityOptions> identity,
    IStringLocalizer<SharedResource> text,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    /// <summary>TempData key of a resource key to show above the form, set by the page that sent the user here.</summary>
    public const string NoticeKey = "Account.Notice";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Notice => TempData[NoticeKey] as string;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (await signIn.UserManager.FindByNameAsync(Input.Email.Trim()) is { } user)
            {
                await carts.MergeAtLoginAsync(HttpContext, user.Id, cancellationToken);
            }

            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Log-in refused: account locked out");
            ModelState.AddModelError(string.Empty, text["Account.Login.LockedOut", (int)identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes]);
        }
        else if (result.IsNotAllowed)
        {
            ModelState.AddModelError(string.Empty, text["Account.Login.NotConfirmed"]);
        }
        else
        {
            ModelState.AddModelError(string.Empty, text["Account.Login.Invalid"]);
        }

        Input.Password = string.Empty;
        return Page();
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Account.Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Account.Password")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Account.RememberMe")]
        public bool RememberMe { get; set; }
    }
}

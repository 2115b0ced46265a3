using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Orders;
using Marketplace.Web.Identity;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

/// <summary>Self-registration makes shoppers only; sellers open a shop afterwards, and admins never register themselves.</summary>
public sealed class RegisterModel(Registration registration, SignInManager<ApplicationUser> signIn, CartService carts) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    /// <summary>Where the shopper was going when sent to sign in (checkout, with the cart); kept through registration.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await registration.RegisterAsync(
            HttpContext, Input.DisplayName.Trim(), Input.Email.Trim(), Input.Password, Languages.CurrentCode, cancellationToken);
        if (result.Errors.Count > 0)
        {
            Input.Refused(ModelState, nameof(Input), result.Errors);
            return Page();
        }

        if (result.SignInNow is not { } user)
        {
            return RedirectToPage("./RegisterConfirmation");
        }

        await signIn.SignInAsync(user, isPersistent: false);
        await carts.MergeAtLoginAsync(HttpContext, user.Id, cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    public sealed class RegisterInput : NewPasswordInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, MinimumLength = 2, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Account.DisplayName")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Account.Email")]
        public string Email { get; set; } = string.Empty;
    }
}

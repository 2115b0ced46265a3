using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Orders;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Pages.Account;

/// <summary>The second step of log-in: a code from the authenticator app or one of the recovery codes.</summary>
public sealed class LoginTwoFactorModel(
    PasswordLogin login,
    CartService carts,
    IOptions<IdentityOptions> identity,
    IStringLocalizer<SharedResource> text,
    ILogger<LoginTwoFactorModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(20, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Account.TwoFactor.Code")]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await login.SecondFactorAsync(Code, RememberMe, ClientAddress.Of(HttpContext), cancellationToken);
        Code = string.Empty;
        switch (result.Outcome)
        {
            case LoginOutcome.SignedIn:
                await carts.MergeAtLoginAsync(HttpContext, result.User!.Id, cancellationToken);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case LoginOutcome.Expired:
                TempData[LoginModel.NoticeKey] = "Account.TwoFactor.Expired";
                return RedirectToPage("./Login", new { ReturnUrl });
            case LoginOutcome.Throttled or LoginOutcome.LockedOut:
                return LoginModel.Refused(this, result, identity.Value, text, logger);
            default:
                ModelState.AddModelError(string.Empty, text["Account.TwoFactor.WrongCode"]);
                return Page();
        }
    }
}

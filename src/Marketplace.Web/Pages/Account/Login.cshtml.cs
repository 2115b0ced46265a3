using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Orders;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Pages.Account;

/// <summary>
/// Log-in that counts failures, locks the account after the configured number, throttles by address and account across
/// nodes, and answers alike for known and unknown e-mails.
/// </summary>
public sealed class LoginModel(
    PasswordLogin login,
    CartService carts,
    IOptions<IdentityOptions> identity,
    IStringLocalizer<SharedResource> text,
    ILogger<LoginModel> logger) : PageModel
{
    /// <summary>TempData key of a resource key to show above the form, set by the page that sent the user here.</summary>
    public const string NoticeKey = "Account.Notice";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

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

        var result = await login.SignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, ClientAddress.Of(HttpContext), cancellationToken);
        Input.Password = string.Empty;
        switch (result.Outcome)
        {
            case LoginOutcome.SignedIn:
                await carts.MergeAtLoginAsync(HttpContext, result.User!.Id, cancellationToken);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case LoginOutcome.NeedsSecondFactor:
                return RedirectToPage("./LoginTwoFactor", new { ReturnUrl, Input.RememberMe });
            case LoginOutcome.Throttled or LoginOutcome.LockedOut:
                return Refused(this, result, identity.Value, text, logger);
            case LoginOutcome.ShopClosed:
                ModelState.AddModelError(string.Empty, text["Account.Login.ShopClosed"]);
                return Page();
            case LoginOutcome.NotConfirmed:
                ModelState.AddModelError(string.Empty, text["Account.Login.NotConfirmed"]);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, text["Account.Login.Invalid"]);
                return Page();
        }
    }

    /// <summary>The answer to too many failures, from either step of the log-in: 429 with Retry-After, or the lockout message.</summary>
    internal static PageResult Refused(PageModel page, LoginResult result, IdentityOptions identity, IStringLocalizer text, ILogger logger)
    {
        if (result.Outcome == LoginOutcome.LockedOut)
        {
            logger.LogWarning("Log-in refused: account locked out");
            page.ModelState.AddModelError(string.Empty, text["Account.Login.LockedOut", (int)identity.Lockout.DefaultLockoutTimeSpan.TotalMinutes]);
            return page.Page();
        }

        logger.LogWarning("Log-in refused: too many failures from this address or for this account");
        return Manage.ProofAnswer.Refused(page, new ProofResult(ProofOutcome.Throttled, result.RetryAfter), string.Empty, text);
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Account.Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, ErrorMessage = "Validation.StringLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Account.Password")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Account.RememberMe")]
        public bool RememberMe { get; set; }
    }
}

using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Account.Manage;

/// <summary>
/// Two-factor sign-in for every user: enrol an authenticator app from a QR code or the key as text, see the recovery
/// codes once, make new ones, or turn it off. Admins are sent here until they have it, and cannot turn it off.
/// </summary>
public sealed class TwoFactorModel(UserManager<ApplicationUser> users, TwoFactor twoFactor, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when the admin console sent the user here.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(20, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Account.TwoFactor.AppCode")]
    public string Code { get; set; } = string.Empty;

    /// <summary>The password or a current code, to turn two-step off.</summary>
    [BindProperty]
    [StringLength(128, ErrorMessage = "Validation.StringLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.Proof")]
    public string? DisableProof { get; set; }

    /// <summary>The password or a current code, to make new recovery codes.</summary>
    [BindProperty]
    [StringLength(128, ErrorMessage = "Validation.StringLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.Proof")]
    public string? RecoveryProof { get; set; }

    public bool Enabled { get; private set; }

    public bool IsAdmin { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public AuthenticatorSetup? Setup { get; private set; }

    /// <summary>Shown on this one response only, never stored anywhere the user could see them again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Account/Manage";

    public async Task<IActionResult> OnGetAsync()
    {
        ModelState.Clear();
        return await LoadAsync() is null ? Challenge() : Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid || Enabled)
        {
            return Page();
        }

        if (await twoFactor.EnableAsync(user, Code) is not { } codes)
        {
            ModelState.AddModelError(nameof(Code), text["Account.TwoFactor.WrongCode"]);
            return Page();
        }

        await LoadAsync();
        NewRecoveryCodes = codes;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Code));
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var proof = await twoFactor.DisableAsync(user, DisableProof, ClientAddress.Of(HttpContext), cancellationToken);
        DisableProof = null;
        if (!proof.IsAccepted)
        {
            return ProofAnswer.Refused(this, proof, nameof(DisableProof), text);
        }

        Message = "Account.TwoFactor.Disabled";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Code));
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid || !Enabled)
        {
            return Page();
        }

        var (proof, codes) = await twoFactor.NewRecoveryCodesAsync(user, RecoveryProof, ClientAddress.Of(HttpContext), cancellationToken);
        RecoveryProof = null;
        if (!proof.IsAccepted)
        {
            return ProofAnswer.Refused(this, proof, nameof(RecoveryProof), text);
        }

        NewRecoveryCodes = codes;
        RecoveryCodesLeft = codes.Count;
        return Page();
    }

    private async Task<ApplicationUser?> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        Enabled = user.TwoFactorEnabled;
        IsAdmin = await users.IsInRoleAsync(user, Roles.Admin);
        if (Enabled)
        {
            RecoveryCodesLeft = await twoFactor.RecoveryCodesLeftAsync(user);
        }
        else
        {
            Setup = await twoFactor.SetupAsync(user);
        }

        return user;
    }
}

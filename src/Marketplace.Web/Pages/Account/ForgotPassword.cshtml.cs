using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

/// <summary>"Lupa kata sandi?": a reset link by e-mail; the answer is the same whether or not the address has an account.</summary>
public sealed class ForgotPasswordModel(AccountEmails emails) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Account.Email")]
    public string Email { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await emails.RequestPasswordResetAsync(HttpContext, Email.Trim(), Languages.CurrentCode, cancellationToken);
        Sent = true;
        return Page();
    }
}

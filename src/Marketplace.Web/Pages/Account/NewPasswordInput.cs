using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Marketplace.Web.Pages.Account;

/// <summary>A new password typed twice, as registration, reset and change of password ask for it.</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.StringLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.NewPassword")]
    public string Password { get; set; } = string.Empty;

    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [Display(Name = "Account.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = string.Empty;

    /// <summary>Shows Identity's refusals, the password rules beside the password field, and empties both password fields.</summary>
    public void Refused(ModelStateDictionary modelState, string prefix, IEnumerable<IdentityError> errors)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            var aboutNewPassword = error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != nameof(IdentityErrorDescriber.PasswordMismatch);
            modelState.AddModelError(aboutNewPassword ? prefix + "." + nameof(Password) : string.Empty, error.Description);
        }

        Password = string.Empty;
        ConfirmPassword = string.Empty;
    }
}

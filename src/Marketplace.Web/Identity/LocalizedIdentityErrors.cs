using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Identity;

/// <summary>Identity's messages in the user's language, for every page that shows them.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> text, Microsoft.Extensions.Options.IOptions<IdentityOptions> identity)
    : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Identity.Default");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Identity.PasswordMismatch");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Identity.InvalidToken");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Identity.InvalidToken");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Identity.InvalidEmail");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Identity.InvalidUserName");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Identity.DuplicateEmail", email);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Identity.DuplicateEmail", userName);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Identity.PasswordTooShort", identity.Value.Password.RequiredLength);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Identity.PasswordRequiresDigit");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Identity.PasswordRequiresLower");

    private IdentityError Error(string code, string key, params object[] arguments) => new() { Code = code, Description = text[key, arguments] };
}

using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Features.Accounts;

/// <param name="Errors">What the visitor must fix; empty when the registration was taken.</param>
/// <param name="SignInNow">The new account, when accounts need no confirmation and it may sign in at once.</param>
public sealed record RegistrationResult(IReadOnlyList<IdentityError> Errors, ApplicationUser? SignInNow);

/// <summary>
/// Self-registration of shoppers. An address that already has an account gets the same answer as a new one, after the
/// same work (password rules, a password hash, one e-mail), and its owner is told by e-mail instead: the form never
/// says which addresses are registered.
/// </summary>
public sealed class Registration(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AccountEmails emails)
{
    public async Task<RegistrationResult> RegisterAsync(
        HttpContext http, string displayName, string email, string password, string language, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = displayName, PreferredLanguage = language };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        if (errors.Count > 0)
        {
            return new RegistrationResult(errors, null);
        }

        if (await users.FindByEmailAsync(email) is { } owner)
        {
            _ = users.PasswordHasher.HashPassword(user, password);
            await emails.SendAlreadyRegisteredAsync(http, owner, cancellationToken);
            return new RegistrationResult([], null);
        }

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new RegistrationResult(created.Errors.ToList(), null);
        }

        await users.AddToRoleAsync(user, Roles.Shopper);
        await emails.SendConfirmationAsync(http, user, cancellationToken);
        return new RegistrationResult([], signIn.Options.SignIn.RequireConfirmedAccount ? null : user);
    }
}

using Marketplace.Domain.Notifications;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Features.Accounts;

/// <summary>
/// The changes that decide who holds an account: its password and its e-mail address. A signed-in change asks again for
/// the password or a current code (<see cref="Reauthentication"/>); each change is told to the account (to the address it
/// had before, for a new address) in the same transaction, by e-mail and in the inbox, with a "this was not me" link
/// (<see cref="NotMeLink"/>) that takes the account back: every session ends, the password is removed, the address the
/// notice went to is restored, and a reset link goes to it.
/// </summary>
public sealed class AccountSecurity(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    Reauthentication reauthentication,
    AccountEmails emails,
    Notifier notifier,
    NotMeLink notMe,
    SiteLinks site,
    MarketplaceDbContext db)
{
    /// <summary>Sends the confirmation link to the new address, given the password or a current code.</summary>
    public async Task<ProofResult> RequestEmailChangeAsync(HttpContext http, ApplicationUser user, string newEmail, string? proof, CancellationToken cancellationToken)
    {
        var checkedProof = await reauthentication.CheckAsync(user, proof, ClientAddress.Of(http), cancellationToken);
        if (checkedProof.IsAccepted)
        {
            await emails.SendEmailChangeAsync(http, user, newEmail, cancellationToken);
        }

        return checkedProof;
    }

    /// <summary>
    /// A new password, given the current one; wrong current passwords count like wrong answers to <see cref="Reauthentication"/>.
    /// The security stamp changes with it, ending the other sessions; this one is signed in again.
    /// </summary>
    public async Task<(ProofResult Proof, IdentityResult Result)> ChangePasswordAsync(
        HttpContext http, ApplicationUser user, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var checkedProof = await reauthentication.CheckAsync(user, currentPassword, ClientAddress.Of(http), cancellationToken);
        if (!checkedProof.IsAccepted)
        {
            return (checkedProof, IdentityResult.Success);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return (checkedProof, result);
        }

        await TellAsync(user, user.Email!, NotificationKind.PasswordChanged, [], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await signIn.RefreshSignInAsync(user);
        return (checkedProof, result);
    }

    /// <summary>The new password from a reset link; Identity changes the security stamp with it, so every session ends.</summary>
    public async Task<IdentityResult> ResetPasswordAsync(string email, string code, string newPassword, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not { } user || !AccountLinkCode.TryDecode(code, out var token))
        {
            return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            await TellAsync(user, user.Email!, NotificationKind.PasswordReset, [], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// The link sent to a new address: it becomes the e-mail and the sign-in name (Identity changes the security stamp, so
    /// every session ends), and the address it replaces is told.
    /// </summary>
    public async Task<bool> ConfirmEmailChangeAsync(string userId, string email, string code, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId) is not { } user || !AccountLinkCode.TryDecode(code, out var token))
        {
            return false;
        }

        var previous = user.Email!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!(await users.ChangeEmailAsync(user, email, token)).Succeeded || !(await users.SetUserNameAsync(user, email)).Succeeded)
        {
            return false;
        }

        await TellAsync(user, previous, NotificationKind.EmailChanged, [email], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether <paramref name="code"/> is a "this was not me" link still valid.</summary>
    public bool IsNotMeLink(string? code) => notMe.TryRead(code, out _, out _);

    /// <summary>
    /// "This was not me": every session ends (a new security stamp), the password stops working, the address the notice
    /// went to becomes the account's again (unless another account holds it meanwhile), two-step verification is turned
    /// off with a new authenticator key and no recovery codes (an intruder who set them up would otherwise lock the owner
    /// out after the reset, or sign in again), and a reset link goes there.
    /// </summary>
    /// <returns>False when the link is not valid.</returns>
    public async Task<bool> TakeBackAsync(string? code, CancellationToken cancellationToken)
    {
        if (!notMe.TryRead(code, out var userId, out var email) || await users.FindByIdAsync(userId) is not { } user)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase) && await users.FindByEmailAsync(email) is null)
        {
            user.Email = email;
            user.UserName = email;
            user.EmailConfirmed = true;
            Require(await users.UpdateAsync(user));
        }

        if (await users.HasPasswordAsync(user))
        {
            Require(await users.RemovePasswordAsync(user));
        }

        // Whoever set up the second factor cannot be told from the account; the owner sets one up again after the reset.
        if (await users.GetTwoFactorEnabledAsync(user) || await users.GetAuthenticatorKeyAsync(user) is not null)
        {
            Require(await users.SetTwoFactorEnabledAsync(user, false));
            Require(await users.ResetAuthenticatorKeyAsync(user));
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        }

        Require(await users.UpdateSecurityStampAsync(user));
        await emails.SendPasswordResetAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task TellAsync(ApplicationUser user, string address, NotificationKind kind, object[] arguments, CancellationToken cancellationToken)
    {
        var notMeLink = site.Absolute(notMe.PathFor(user.Id, address));
        notifier.Tell(new Recipient(user.Id, address, user.PreferredLanguage), kind, null, [user.DisplayName, .. arguments, notMeLink]);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account could not be secured: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}

using Marketplace.Web.Data;
using Marketplace.Web.Features.Enforcement;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Accounts;

public enum LoginOutcome
{
    SignedIn,
    Invalid,
    LockedOut,
    NotConfirmed,
    Throttled,

    /// <summary>The password was right and the account has two-factor on: the code comes next.</summary>
    NeedsSecondFactor,

    /// <summary>The second step was reached without a first, or too long after it.</summary>
    Expired,

    /// <summary>The account's shop was closed by the platform.</summary>
    ShopClosed,
}

public sealed record LoginResult(LoginOutcome Outcome, ApplicationUser? User = null, TimeSpan RetryAfter = default);

/// <summary>
/// Log-in by e-mail and password that tells nobody which e-mails have accounts: an unknown e-mail costs one password hash
/// like a known one, gets the same message, and after as many failures the same lockout message.
/// </summary>
public sealed class PasswordLogin(SignInManager<ApplicationUser> signIn, LoginThrottle throttle, AdminSignIns admins, MarketplaceDbContext db, TimeProvider clock)
{
    private static readonly ApplicationUser Nobody = new();

    /// <summary>A hash of a password nobody has, so an unknown e-mail is checked as slowly as a known one.</summary>
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<ApplicationUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<LoginResult> SignInAsync(string email, string password, bool remember, string address, CancellationToken cancellationToken)
    {
        if (await throttle.WaitAsync(address, email, cancellationToken) is { } wait)
        {
            return new LoginResult(LoginOutcome.Throttled, RetryAfter: wait);
        }

        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(email);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password);
            var failures = await throttle.FailedAsync(address, email, cancellationToken);
            await admins.RecordAsync(user, succeeded: false, "password", address, cancellationToken);
            var locked = user is not null || failures >= users.Options.Lockout.MaxFailedAccessAttempts;
            return new LoginResult(locked ? LoginOutcome.LockedOut : LoginOutcome.Invalid, user);
        }

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await admins.RecordAsync(user, succeeded: true, "password", address, cancellationToken);
            return new LoginResult(LoginOutcome.SignedIn, user);
        }

        if (result.IsNotAllowed && await ClosedShopSignInManager.IsClosedAsync(db, user.Id, clock.GetUtcNow(), cancellationToken))
        {
            return new LoginResult(LoginOutcome.ShopClosed, user);
        }

        if (result.RequiresTwoFactor)
        {
            return new LoginResult(LoginOutcome.NeedsSecondFactor, user);
        }

        if (result.IsNotAllowed)
        {
            // Identity refuses an unconfirmed account before it looks at the password, quickly and with its own message.
            // Looking at it here makes a wrong password answer as for any account: only the owner hears "confirm first".
            if (await users.CheckPasswordAsync(user, password))
            {
                return new LoginResult(LoginOutcome.NotConfirmed, user);
            }

            await users.AccessFailedAsync(user);
            result = await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
        }

        var lockedNow = await FailedAsync(user, email, address, cancellationToken);
        await admins.RecordAsync(user, succeeded: false, "password", address, cancellationToken);
        return new LoginResult(result.IsLockedOut || lockedNow ? LoginOutcome.LockedOut : LoginOutcome.Invalid, user);
    }

    /// <summary>
    /// The second step: a code from the authenticator app (six digits) or one of the recovery codes, for the user whose
    /// password was right a moment ago. Wrong codes count toward the same lockout and throttle as wrong passwords.
    /// </summary>
    public async Task<LoginResult> SecondFactorAsync(string code, bool remember, string address, CancellationToken cancellationToken)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return new LoginResult(LoginOutcome.Expired);
        }

        var email = user.Email ?? user.Id;
        if (await throttle.WaitAsync(address, email, cancellationToken) is { } wait)
        {
            return new LoginResult(LoginOutcome.Throttled, user, wait);
        }

        var compact = new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        var digits = compact.Replace("-", string.Empty, StringComparison.Ordinal);
        var fromApp = digits.Length == 6 && digits.All(char.IsAsciiDigit);
        var result = fromApp
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, remember, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(compact);
        var step = fromApp ? "authenticator" : "recovery-code";
        if (result.Succeeded)
        {
            await admins.RecordAsync(user, succeeded: true, step, address, cancellationToken);
            return new LoginResult(LoginOutcome.SignedIn, user);
        }

        var lockedNow = await FailedAsync(user, email, address, cancellationToken);
        await admins.RecordAsync(user, succeeded: false, step, address, cancellationToken);
        return new LoginResult(result.IsLockedOut || lockedNow ? LoginOutcome.LockedOut : LoginOutcome.Invalid, user);
    }

    /// <summary>
    /// Counts a failed password or code, and locks the account with one UPDATE once its failures in the throttle's window
    /// reach Identity's lockout. Identity keeps its own counter on the account row under a concurrency stamp, so a burst of
    /// failures at once loses all but one increment (and leaves a stale copy of the row tracked); the throttle's rows are
    /// only ever inserted, so none is lost. Returns true when this failure locked the account.
    /// </summary>
    private async Task<bool> FailedAsync(ApplicationUser user, string account, string address, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var failures = await throttle.FailedAsync(address, account, cancellationToken);
        var lockout = signIn.UserManager.Options.Lockout;
        if (!user.LockoutEnabled || failures < lockout.MaxFailedAccessAttempts)
        {
            return false;
        }

        var until = clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan;
        await db.Users.Where(u => u.Id == user.Id && (u.LockoutEnd == null || u.LockoutEnd < until))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, until), cancellationToken);
        return true;
    }
}

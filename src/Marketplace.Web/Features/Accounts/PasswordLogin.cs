using Marketplace.Web.Data;
using Marketplace.Web.Features.Enforcement;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Features.Accounts;

public enum LoginOutcome
{
    SignedIn,
    Invalid,
    LockedOut,
    NotConfirmed,
    Throttled,

    /// <summary>The account's shop was closed by the platform.</summary>
    ShopClosed,
}

public sealed record LoginResult(LoginOutcome Outcome, ApplicationUser? User = null, TimeSpan RetryAfter = default);

/// <summary>
/// Log-in by e-mail and password that tells nobody which e-mails have accounts: an unknown e-mail costs one password hash
/// like a known one, gets the same message, and after as many failures the same lockout message.
/// </summary>
public sealed class PasswordLogin(SignInManager<ApplicationUser> signIn, LoginThrottle throttle, MarketplaceDbContext db, TimeProvider clock)
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
            var locked = user is not null || failures >= users.Options.Lockout.MaxFailedAccessAttempts;
            return new LoginResult(locked ? LoginOutcome.LockedOut : LoginOutcome.Invalid, user);
        }

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return new LoginResult(LoginOutcome.SignedIn, user);
        }

        if (result.IsNotAllowed && await ClosedShopSignInManager.IsClosedAsync(db, user.Id, clock.GetUtcNow(), cancellationToken))
        {
            return new LoginResult(LoginOutcome.ShopClosed, user);
        }

        if (result.IsNotAllowed)
        {
            return new LoginResult(LoginOutcome.NotConfirmed, user);
        }

        await throttle.FailedAsync(address, email, cancellationToken);
        return new LoginResult(result.IsLockedOut ? LoginOutcome.LockedOut : LoginOutcome.Invalid, user);
    }
}

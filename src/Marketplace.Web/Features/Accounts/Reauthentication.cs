using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Features.Accounts;

public enum ProofOutcome
{
    Accepted,
    Wrong,

    /// <summary>Too many wrong answers for this account or from this address lately: nothing was checked.</summary>
    Throttled,

    /// <summary>The change is never allowed for this account, whatever the proof (an admin turning two-step off).</summary>
    NotAllowed,
}

public sealed record ProofResult(ProofOutcome Outcome, TimeSpan RetryAfter = default)
{
    public static readonly ProofResult Accepted = new(ProofOutcome.Accepted);

    public bool IsAccepted => Outcome == ProofOutcome.Accepted;
}

/// <summary>
/// Changes that could hand the account to someone else (its e-mail, its recovery codes, turning two-step off) ask again
/// for the password or a current code from the authenticator app, so a session left open or stolen is not enough. Wrong
/// answers count in the log-in throttle, against the same account and client address as wrong passwords at log-in.
/// </summary>
public sealed class Reauthentication(UserManager<ApplicationUser> users, LoginThrottle throttle)
{
    private const int AuthenticatorCodeLength = 6;

    public async Task<ProofResult> CheckAsync(ApplicationUser user, string? proof, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var account = user.Email ?? user.Id;
        if (await throttle.WaitAsync(address, account, cancellationToken) is { } wait)
        {
            return new ProofResult(ProofOutcome.Throttled, wait);
        }

        if (await MatchesAsync(user, proof ?? string.Empty))
        {
            return ProofResult.Accepted;
        }

        await throttle.FailedAsync(address, account, cancellationToken);
        return new ProofResult(ProofOutcome.Wrong);
    }

    /// <summary>Six digits are a code (passwords are at least ten characters); anything else is the password.</summary>
    private async Task<bool> MatchesAsync(ApplicationUser user, string proof)
    {
        var digits = TwoFactor.Digits(proof);
        if (digits.Length == AuthenticatorCodeLength && proof.Trim().Length <= AuthenticatorCodeLength + 1)
        {
            return user.TwoFactorEnabled && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits);
        }

        return proof.Length > 0 && await users.CheckPasswordAsync(user, proof);
    }
}

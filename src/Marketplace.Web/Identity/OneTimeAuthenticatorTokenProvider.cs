using Marketplace.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Marketplace.Web.Identity;

/// <summary>
/// Identity's authenticator provider with two rules it lacks: a code counts only within one 30-second step either side of
/// now (Identity allows two), and each step once per account, so a code seen over a shoulder, replayed by a second session
/// or typed at enrolment cannot sign in again. The step is claimed by one conditional UPDATE, so two requests with the same
/// code at the same moment cannot both pass. TOTP itself is Otp.NET's; the clock is the site's <see cref="TimeProvider"/>.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(MarketplaceDbContext db, TimeProvider clock) : AuthenticatorTokenProvider<ApplicationUser>
{
    private static readonly VerificationWindow OneStepEitherSide = new(previous: 1, future: 1);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, OneStepEitherSide))
        {
            return false;
        }

        var userId = await manager.GetUserIdAsync(user);
        var claimed = await db.Users
            .Where(u => u.Id == userId && (u.LastAuthenticatorTimeStep == null || u.LastAuthenticatorTimeStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorTimeStep, step));
        return claimed == 1;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplace.Web.Features.Accounts;

/// <summary>
/// The "this was not me" link in a notice: the account and the address the notice went to, signed and encrypted by Data
/// Protection (keys shared by every node) and valid for two weeks. It is not tied to the security stamp, so whoever caused
/// the change cannot void it by signing out or changing something else.
/// </summary>
public sealed class NotMeLink(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private readonly IDataProtector _protector = protection.CreateProtector("Account.NotMe.v1");

    /// <summary>The site path of the link for the account <paramref name="userId"/>, whose notice goes to <paramref name="email"/>.</summary>
    public string PathFor(string userId, string email)
    {
        var expires = (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return "/Account/NotMe?code=" + Uri.EscapeDataString(_protector.Protect(string.Join('\n', userId, email, expires)));
    }

    /// <summary>Reads a link's code; a mangled, forged or expired one reads as nothing.</summary>
    public bool TryRead(string? code, out string userId, out string email)
    {
        userId = email = string.Empty;
        string payload;
        try
        {
            payload = _protector.Unprotect(code ?? string.Empty);
        }
        catch (CryptographicException)
        {
            return false;
        }

        var parts = payload.Split('\n');
        if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || clock.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            return false;
        }

        (userId, email) = (parts[0], parts[1]);
        return true;
    }
}

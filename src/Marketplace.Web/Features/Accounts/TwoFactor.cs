using System.Globalization;
using System.Text;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Marketplace.Web.Features.Accounts;

/// <summary>What an authenticator app needs to enrol: the key as text and the same key as a QR code of its otpauth URI.</summary>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri, string QrCodeDataUri);

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238) and one-time recovery codes, on Identity's own
/// authenticator support. Every change of the factor changes the security stamp, which ends the user's other sessions;
/// this one is signed in again so the user stays where they are.
/// </summary>
public sealed class TwoFactor(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, Reauthentication reauthentication)
{
    public const int RecoveryCodeCount = 10;

    private const string Issuer = "Pasar UMKM";

    /// <summary>The key the user is about to enrol, made on first use and kept until 2FA is turned on or reset.</summary>
    public async Task<AuthenticatorSetup> SetupAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
        return new AuthenticatorSetup(Grouped(key!), uri, QrCode(uri));
    }

    /// <returns>The recovery codes to show once, or null when the code from the app is wrong.</returns>
    public async Task<IReadOnlyList<string>?> EnableAsync(ApplicationUser user, string code)
    {
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Digits(code)))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signIn.RefreshSignInAsync(user);
        return codes?.ToList() ?? [];
    }

    /// <summary>Turns 2FA off and forgets the key, given the password or a current code; admins must keep it.</summary>
    public async Task<ProofResult> DisableAsync(ApplicationUser user, string? proof, string address, CancellationToken cancellationToken)
    {
        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            return new ProofResult(ProofOutcome.NotAllowed);
        }

        var checkedProof = await reauthentication.CheckAsync(user, proof, address, cancellationToken);
        if (!checkedProof.IsAccepted)
        {
            return checkedProof;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return checkedProof;
    }

    /// <summary>A fresh set of recovery codes, to show once, given the password or a current code; the old ones stop working.</summary>
    public async Task<(ProofResult Proof, IReadOnlyList<string> Codes)> NewRecoveryCodesAsync(
        ApplicationUser user, string? proof, string address, CancellationToken cancellationToken)
    {
        var checkedProof = await reauthentication.CheckAsync(user, proof, address, cancellationToken);
        if (!checkedProof.IsAccepted)
        {
            return (checkedProof, []);
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signIn.RefreshSignInAsync(user);
        return (checkedProof, codes?.ToList() ?? []);
    }

    public Task<int> RecoveryCodesLeftAsync(ApplicationUser user) => users.CountRecoveryCodesAsync(user);

    /// <summary>What people type from an app: digits, perhaps with a space or a hyphen in the middle.</summary>
    public static string Digits(string code) => new((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>A PNG in a data URI: the page's CSP allows <c>img-src data:</c> and the image needs no style attribute.</summary>
    private static string QrCode(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        using var code = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(code.GetGraphic(5));
    }
}

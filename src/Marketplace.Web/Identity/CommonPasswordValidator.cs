using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Identity;

/// <summary>
/// Refuses the 10,000 most common passwords (Identity/common-passwords.txt, an embedded resource; regenerate with
/// <c>python3 src/Marketplace.Web/Identity/common-passwords.py</c>) and passwords that contain the e-mail's local part or the user's name.
/// </summary>
internal sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> text) : IPasswordValidator<ApplicationUser>
{
    private const int ShortestPersonalPart = 4;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (Common.Value.Contains(password.ToLowerInvariant()))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = text["Identity.PasswordTooCommon"] }));
        }

        var personal = (user.DisplayName ?? string.Empty).Split([' ', '.', '-', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Append(user.DisplayName ?? string.Empty)
            .Append((user.Email ?? string.Empty).Split('@')[0])
            .Where(part => part.Length >= ShortestPersonalPart);
        return Task.FromResult(personal.Any(part => password.Contains(part, StringComparison.OrdinalIgnoreCase))
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsPersonalData", Description = text["Identity.PasswordContainsPersonalData"] })
            : IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Marketplace.Web.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
    }
}

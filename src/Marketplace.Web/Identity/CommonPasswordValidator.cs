using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Identity;

/// <summary>
/// Refuses the 10,000 most common passwords (Identity/common-passwords.txt, an embedded resource; regenerate with
/// <c>python3 src/Marketplace.Web/Identity/common-passwords.py</c>), also with a character or two added before or after
/// ("1234567890a"), passwords made mostly of sequences and repeats ("abcd", "4321", "qwerty", "aaaa"), and passwords that
/// contain the e-mail's local part or the user's name.
/// </summary>
internal sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> text) : IPasswordValidator<ApplicationUser>
{
    private const int ShortestPersonalPart = 4;

    /// <summary>A common password with up to this many characters added at either end is still common.</summary>
    private const int MostAdded = 2;

    /// <summary>A password needs this many characters outside sequences and repeats.</summary>
    private const int FewestOwnCharacters = 4;

    /// <summary>Characters side by side in these rows count as a sequence (either direction), as do repeats.</summary>
    private static readonly string[] Rows = ["abcdefghijklmnopqrstuvwxyz", "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lower = password.ToLowerInvariant();
        if (IsCommon(lower))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = text["Identity.PasswordTooCommon"] }));
        }

        if (OwnCharacters(lower) < FewestOwnCharacters)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooSimple", Description = text["Identity.PasswordTooSimple"] }));
        }

        var personal = (user.DisplayName ?? string.Empty).Split([' ', '.', '-', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Append(user.DisplayName ?? string.Empty)
            .Append((user.Email ?? string.Empty).Split('@')[0])
            .Where(part => part.Length >= ShortestPersonalPart);
        return Task.FromResult(personal.Any(part => password.Contains(part, StringComparison.OrdinalIgnoreCase))
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsPersonalData", Description = text["Identity.PasswordContainsPersonalData"] })
            : IdentityResult.Success);
    }

    private static bool IsCommon(string lower)
    {
        for (var front = 0; front <= MostAdded; front++)
        {
            for (var back = 0; back <= MostAdded; back++)
            {
                var length = lower.Length - front - back;
                if (length >= FewestOwnCharacters && Common.Value.Contains(lower.Substring(front, length)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>How many characters are not part of a run of three or more that repeat or follow one another.</summary>
    private static int OwnCharacters(string lower)
    {
        var own = lower.Length;
        var start = 0;
        for (var i = 1; i <= lower.Length; i++)
        {
            if (i < lower.Length && Follows(lower[i - 1], lower[i]))
            {
                continue;
            }

            if (i - start >= 3)
            {
                own -= i - start;
            }

            start = i;
        }

        return own;
    }

    private static bool Follows(char previous, char next) =>
        previous == next || Rows.Any(row => row.IndexOf(previous, StringComparison.Ordinal) is >= 0 and var at
            && ((at + 1 < row.Length && row[at + 1] == next) || (at > 0 && row[at - 1] == next)));

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Marketplace.Web.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
    }
}

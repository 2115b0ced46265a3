using System.Globalization;
using System.Text;

namespace Marketplace.Domain.Money;

/// <summary>
/// Whether a bank account's holder, as the bank reports it, is the shop's registered name. Banks print names in capitals,
/// drop punctuation and put the legal form (PT, CV, UD) before or after the name; none of that makes another holder.
/// </summary>
public static class HolderName
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal) { "PT", "CV", "UD", "TBK", "PD", "FA", "KOPERASI" };

    public static bool Matches(string? holder, string? registeredName)
    {
        var a = Normalize(holder);
        return a.Length > 0 && a == Normalize(registeredName);
    }

    /// <summary>Letters and digits in capitals, words single-spaced, legal forms dropped: "PT. Batik Sekar, Tbk" → "BATIK SEKAR".</summary>
    public static string Normalize(string? name)
    {
        var letters = new StringBuilder();
        foreach (var c in (name ?? string.Empty).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            letters.Append(char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : ' ');
        }

        return string.Join(' ', letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !LegalForms.Contains(w)));
    }
}

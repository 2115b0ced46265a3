using System.Globalization;
using System.Text;

namespace Marketplace.Domain.Sellers;

/// <summary>What a shop claims when it asks to be local with an NIB: its names, province, and the clusters it sells in.</summary>
public sealed record VerificationClaim(string StoreName, string? OwnerName, string Province, IReadOnlyCollection<string> GoodsClusters);

/// <summary>
/// Compares a shop's claim with the registry's answer for its NIB. The shop is verified automatically only when nothing
/// is found: the NIB is registered and active, the owner's or the business's name matches, the province matches, and a
/// KBLI code covers every closed cluster the shop sells in. Names are compared without case, accents, punctuation or
/// legal forms ("CV", "PT", "UD"), so "CV. Batik Lasem" matches "batik lasem".
/// </summary>
public static class RegistryMatch
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal) { "cv", "pt", "ud", "tbk", "persero", "firma", "fa" };

    private static readonly HashSet<string> ProvinceWords = new(StringComparer.Ordinal) { "provinsi", "propinsi", "prov" };

    public static IReadOnlyList<VerificationFinding> Check(VerificationClaim claim, BusinessRegistration? registration)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (registration is null)
        {
            return [new VerificationFinding(VerificationFindingKind.NibNotFound)];
        }

        var findings = new List<VerificationFinding>();
        if (!registration.Active)
        {
            findings.Add(new VerificationFinding(VerificationFindingKind.NibInactive));
        }

        var ownerMatches = claim.OwnerName is { } owner && SameName(owner, registration.OwnerName);
        if (!ownerMatches && !SameName(claim.StoreName, registration.BusinessName))
        {
            findings.Add(new VerificationFinding(VerificationFindingKind.NameMismatch, $"{registration.BusinessName} / {registration.OwnerName}"));
        }

        if (ProvinceKey(claim.Province) != ProvinceKey(registration.Province))
        {
            findings.Add(new VerificationFinding(VerificationFindingKind.ProvinceMismatch, registration.Province));
        }

        findings.AddRange(claim.GoodsClusters
            .Where(cluster => !KbliClusters.Covers(registration.Kbli, cluster))
            .Order(StringComparer.Ordinal)
            .Select(cluster => new VerificationFinding(VerificationFindingKind.KbliNotCovering, cluster)));
        return findings;
    }

    /// <summary>The same name, whatever the case, accents, punctuation, spacing and legal form.</summary>
    public static bool SameName(string a, string b)
    {
        var key = NameKey(a);
        return key.Length > 0 && key == NameKey(b);
    }

    public static string NameKey(string name) => string.Join(' ', Words(name).Where(w => !LegalForms.Contains(w)));

    private static string ProvinceKey(string province)
    {
        var key = string.Join(' ', Words(province).Where(w => !ProvinceWords.Contains(w)));
        return key.Replace("daerah istimewa", "di", StringComparison.Ordinal).Replace("daerah khusus ibukota", "dki", StringComparison.Ordinal);
    }

    /// <summary>Lower-case words without accents; dots join ("P.T." is "pt"), other punctuation separates.</summary>
    private static string[] Words(string text)
    {
        var folded = new StringBuilder();
        foreach (var c in (text ?? string.Empty).Normalize(NormalizationForm.FormD))
        {
            if (c == '.' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}

using System.Globalization;
using System.Text;

namespace Marketplace.Web.Features.Storefront;

/// <summary>
/// The one place that turns text into the words search matches on: listings' search columns are written with it
/// (<c>search_title</c>, <c>search_description</c>) and every shopper's query goes through it, so both sides fold alike.
/// </summary>
public static class SearchText
{
    /// <summary>Lower case, accents removed, anything but letters and digits as a single space.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                folded.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && folded.Length > 0 && folded[^1] != ' ')
            {
                folded.Append(' ');
            }
        }

        return folded.ToString().TrimEnd();
    }
}

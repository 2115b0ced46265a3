using Marketplace.Domain.Policy;

namespace Marketplace.Web.Features.Storefront;

/// <summary>
/// The one place that turns text into the words search matches on: listings' search columns are written with it
/// (<c>search_title</c>, <c>search_description</c>) and every shopper's query goes through it, so both sides fold alike.
/// The disguises are undone by the screening's own <see cref="LexiconText.Undisguise"/> ("b a t i k", "bаtik" in Cyrillic
/// letters, a zero-width space, "&amp;#98;atik", "8atik" all give "batik"); its spelling folds (doubled letters, old spelling,
/// affixes) are left to the typo correction, so "sepatuu" is still a word the shopper is asked about.
/// </summary>
public static class SearchText
{
    /// <summary>
    /// The search column's text: the words as written, in order, then the words whose letters read differently ("8atik" adds
    /// "batik"). Numbers stay as written ("42", "512gb"), so both a number and a disguised word are found.
    /// </summary>
    public static string Fold(string? text)
    {
        var words = Words(text);
        var written = words.Select(w => w.Written).Where(w => w.Length > 0).ToList();
        var read = words.Select(w => w.Read).OfType<string>().Where(r => !written.Contains(r, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
        return string.Join(' ', written.Concat(read));
    }

    /// <summary>The words as written only: the start of <see cref="Fold"/>, for prefix matching of titles as the shopper types.</summary>
    public static string Written(string? text) => string.Join(' ', Words(text).Select(w => w.Written).Where(w => w.Length > 0));

    /// <summary>
    /// Each word as written, letters and digits only (a symbol read as a letter is dropped: "b@tik" is written "btik"), and as
    /// read when that differs ("batik"); null otherwise.
    /// </summary>
    public static IReadOnlyList<(string Written, string? Read)> Words(string? text) =>
        [.. LexiconText.Undisguise(text).Select(w =>
        {
            var written = string.Concat(w.Written.Where(char.IsAsciiLetterOrDigit));
            return (written, w.Read == written ? null : w.Read);
        })];
}

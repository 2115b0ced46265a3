using System.Text;
using System.Text.Encodings.Web;
using Marketplace.Domain.Policy;
using Microsoft.AspNetCore.Html;

namespace Marketplace.Web.Features.Admin.Review;

/// <summary>
/// Marks the words of a text that a lexicon flagged, folded as the policy folds them ("b4tik" is marked for "batik").
/// The text is a seller's: every piece of it is HTML-encoded, and only the encoded pieces are wrapped in <c>mark</c>.
/// </summary>
public static class FlaggedWords
{
    public static IHtmlContent Mark(string text, IReadOnlyCollection<string> terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        var words = Words(text);
        var marked = new bool[words.Count];
        foreach (var term in terms.Select(LexiconText.Tokens).Where(t => t.Length > 0))
        {
            for (var start = 0; start + term.Length <= words.Count; start++)
            {
                var matches = true;
                for (var k = 0; k < term.Length && matches; k++)
                {
                    matches = words[start + k].Folded is { } folded && LexiconText.SameWord(folded, term[k]);
                }

                for (var k = 0; matches && k < term.Length; k++)
                {
                    marked[start + k] = true;
                }
            }
        }

        var html = new StringBuilder(text.Length + 32);
        var position = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (!marked[i])
            {
                continue;
            }

            var (start, length, _) = words[i];
            html.Append(HtmlEncoder.Default.Encode(text[position..start]));
            html.Append("<mark>").Append(HtmlEncoder.Default.Encode(text.Substring(start, length))).Append("</mark>");
            position = start + length;
        }

        html.Append(HtmlEncoder.Default.Encode(text[position..]));
        return new HtmlString(html.ToString());
    }

    /// <summary>The runs of letters and digits in the text, each with the one word the policy would read in it, if any.</summary>
    private static List<(int Start, int Length, string? Folded)> Words(string text)
    {
        var words = new List<(int, int, string?)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordCharacter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordCharacter(text[i]))
            {
                i++;
            }

            var tokens = LexiconText.Tokens(text[start..i]);
            words.Add((start, i - start, tokens.Length == 1 ? tokens[0] : null));
        }

        return words;
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c is '@' or '$' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
}

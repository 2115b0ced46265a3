using System.Globalization;
using System.Text;

namespace Marketplace.Domain.Policy;

/// <summary>
/// Folds the spellings sellers use to slip past keyword checks: case, accents, digits for letters ("b4tik"),
/// doubled letters ("kopii"), the old Indonesian spelling (oe, dj, tj) and the dropped schwa ("kripik" for "keripik").
/// Both the lexicon and the listing text go through the same folding, so matching stays on whole words.
/// </summary>
public static class LexiconText
{
    public static string[] Tokens(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in RemoveDiacritics(text.ToLowerInvariant()))
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '@' or '$')
            {
                current.Append(c);
            }
            else
            {
                AddWord(words, current);
            }
        }

        AddWord(words, current);
        return [.. words];
    }

    /// <summary>The forms of a word a term could be: itself and, for an English plural, its singular.</summary>
    public static IEnumerable<string> Stems(string word)
    {
        yield return word;
        if (word.Length > 1 && word[^1] == 's')
        {
            yield return word[..^1];
        }

        if (word.Length > 2 && word.EndsWith("es", StringComparison.Ordinal))
        {
            yield return word[..^2];
        }
    }

    /// <summary>A word matches a term as itself or as an English plural ("sarongs", "batiks").</summary>
    public static bool SameWord(string word, string term) =>
        word == term
        || (word.Length == term.Length + 1 && word[^1] == 's' && word.StartsWith(term, StringComparison.Ordinal))
        || (word.Length == term.Length + 2 && word.EndsWith("es", StringComparison.Ordinal) && word.StartsWith(term, StringComparison.Ordinal));

    /// <summary>
    /// Digits stand for letters only inside a word that has letters ("b4tik"); a bare number such as a size or a
    /// model number ("7335", "18650") is not a word and is left out, so it cannot fold into one.
    /// </summary>
    private static void AddWord(List<string> words, StringBuilder token)
    {
        if (token.Length == 0)
        {
            return;
        }

        var raw = token.ToString();
        token.Clear();
        if (!raw.Any(char.IsAsciiLetterLower))
        {
            return;
        }

        var folded = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            folded.Append(FoldCharacter(c));
        }

        words.Add(Canonical(folded.ToString()));
    }

    private static char FoldCharacter(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '@' => 'a',
        '$' => 's',
        _ => c,
    };

    private static string Canonical(string word)
    {
        var w = word
            .Replace("oe", "u", StringComparison.Ordinal)
            .Replace("dj", "j", StringComparison.Ordinal)
            .Replace("tj", "c", StringComparison.Ordinal)
            .Replace("ph", "f", StringComparison.Ordinal);

        // "-nya" (its, the) attaches to any noun: "batiknya" is batik. Short words such as "hanya" and "punya" stay whole.
        w = w.Length > 5 && w.EndsWith("nya", StringComparison.Ordinal) ? w[..^3] : w;
        w = CollapseDoubles(w);
        return DropFirstSchwa(w);
    }

    private static string CollapseDoubles(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (sb.Length == 0 || sb[^1] != c)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>"keripik" and "kripik", "kerupuk" and "krupuk", "selendang" and "slendang" fold together.</summary>
    private static string DropFirstSchwa(string word) =>
        word.Length >= 5 && IsConsonant(word[0]) && word[1] == 'e' && word[2] is 'r' or 'l' && IsVowel(word[3])
            ? word[0] + word[2..]
            : word;

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool IsConsonant(char c) => c is >= 'a' and <= 'z' && !IsVowel(c);

    private static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}

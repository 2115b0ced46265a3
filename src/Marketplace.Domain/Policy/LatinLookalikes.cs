using System.Collections.Frozen;

namespace Marketplace.Domain.Policy;

/// <summary>
/// Letters of other scripts that a reader takes for Latin ones ("ваtік" for "batik"), folded to the Latin letter.
/// A trimmed copy of the Unicode confusables data (UTS #39, confusables.txt): the Cyrillic, Greek, Armenian and Latin-extension
/// entries whose target is one Latin letter, read before lower-casing (capital Υ passes for Y, small υ for u), plus a few letters sellers use that the
/// table maps to two-letter targets or not at all (Cyrillic п for n, ц for u, Greek η for n). Fullwidth and mathematical
/// letters need no entry: NFKC folds them before this table is read.
/// </summary>
internal static class LatinLookalikes
{
    private static readonly FrozenDictionary<char, char> ToLatin = new Dictionary<char, char>
    {
        // Cyrillic capitals
        ['А'] = 'a',
        ['В'] = 'b',
        ['Ь'] = 'b',
        ['С'] = 'c',
        ['Ԁ'] = 'd',
        ['Е'] = 'e',
        ['Һ'] = 'h',
        ['Н'] = 'h',
        ['І'] = 'i',
        ['Ӏ'] = 'i',
        ['Ј'] = 'j',
        ['К'] = 'k',
        ['М'] = 'm',
        ['О'] = 'o',
        ['Р'] = 'p',
        ['Ԛ'] = 'q',
        ['Ѕ'] = 's',
        ['Т'] = 't',
        ['Ԝ'] = 'w',
        ['Х'] = 'x',
        ['У'] = 'y',
        ['Ү'] = 'y',

        // Cyrillic
        ['а'] = 'a',
        ['в'] = 'b',
        ['ь'] = 'b',
        ['ъ'] = 'b',
        ['с'] = 'c',
        ['ԁ'] = 'd',
        ['е'] = 'e',
        ['ё'] = 'e',
        ['є'] = 'e',
        ['ғ'] = 'f',
        ['ԍ'] = 'g',
        ['һ'] = 'h',
        ['н'] = 'h',
        ['і'] = 'i',
        ['ї'] = 'i',
        ['ӏ'] = 'l',
        ['ј'] = 'j',
        ['к'] = 'k',
        ['ќ'] = 'k',
        ['м'] = 'm',
        ['п'] = 'n',
        ['о'] = 'o',
        ['р'] = 'p',
        ['ԛ'] = 'q',
        ['г'] = 'r',
        ['ѕ'] = 's',
        ['т'] = 't',
        ['ц'] = 'u',
        ['ѵ'] = 'v',
        ['ԝ'] = 'w',
        ['ш'] = 'w',
        ['х'] = 'x',
        ['у'] = 'y',
        ['ў'] = 'y',
        ['ү'] = 'y',
        ['з'] = 'z',

        // Greek capitals
        ['Α'] = 'a',
        ['Β'] = 'b',
        ['Ε'] = 'e',
        ['Ζ'] = 'z',
        ['Η'] = 'h',
        ['Ι'] = 'i',
        ['Κ'] = 'k',
        ['Μ'] = 'm',
        ['Ν'] = 'n',
        ['Ο'] = 'o',
        ['Ρ'] = 'p',
        ['Τ'] = 't',
        ['Υ'] = 'y',
        ['Χ'] = 'x',
        ['Ϲ'] = 'c',

        // Greek
        ['α'] = 'a',
        ['β'] = 'b',
        ['ϲ'] = 'c',
        ['δ'] = 'd',
        ['ε'] = 'e',
        ['ϵ'] = 'e',
        ['γ'] = 'y',
        ['η'] = 'n',
        ['ι'] = 'i',
        ['ϳ'] = 'j',
        ['κ'] = 'k',
        ['ϰ'] = 'k',
        ['μ'] = 'u',
        ['ν'] = 'v',
        ['ο'] = 'o',
        ['σ'] = 'o',
        ['ρ'] = 'p',
        ['ϱ'] = 'p',
        ['τ'] = 't',
        ['υ'] = 'u',
        ['χ'] = 'x',
        ['ω'] = 'w',
        ['ζ'] = 'z',

        // Armenian
        ['ա'] = 'w',
        ['հ'] = 'h',
        ['ո'] = 'n',
        ['ս'] = 'u',
        ['օ'] = 'o',
        ['ց'] = 'g',
        ['ք'] = 'p',

        // Latin letters outside a-z
        ['ı'] = 'i',
        ['ɩ'] = 'i',
        ['ɑ'] = 'a',
        ['ɡ'] = 'g',
        ['ʋ'] = 'u',
        ['ɣ'] = 'y',
        ['ȷ'] = 'j',
        ['ĸ'] = 'k',
        ['ƅ'] = 'b',
        ['ɒ'] = 'a',
        ['ꞵ'] = 'b',
    }.ToFrozenDictionary();

    /// <summary>The lower-case Latin letter a character passes for, or the character itself.</summary>
    public static char Fold(char c) => c < 0x80 || !ToLatin.TryGetValue(c, out var latin) ? c : latin;
}

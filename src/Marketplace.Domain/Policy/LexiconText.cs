using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text;

namespace Marketplace.Domain.Policy;

/// <summary>
/// The one normalisation of listing text, shared by the keyword screening, the review page and the storefront search.
/// It undoes the disguises sellers use to slip past keyword checks: HTML entities ("&amp;#98;atik"), compatibility forms
/// (fullwidth "ｂａｔｉｋ"), invisible format characters inside words (zero-width space and joiners, soft hyphen, BOM),
/// look-alike letters of other scripts ("ваtік"), letters split by spaces, dots or dashes ("B A T I K", "b.a.t.i.k"),
/// digits for letters inside words ("8atik", "k0pi"), case and accents, doubled letters ("kopii"), the old Indonesian
/// spelling (oe, dj, tj), the dropped schwa ("kripik" for "keripik") and the "-nya" clitic. What is left is lower-case ASCII
/// words, so the lexicon and the listing text meet on whole words.
/// </summary>
public static class LexiconText
{
    /// <summary>A run of at least this many one-character words is one word spelled out ("b a t i k"), not several.</summary>
    private const int SpelledOutMinimum = 3;

    /// <summary>
    /// Listings repeat a small vocabulary, so each word's spelling and stems are worked out once per process; a closure
    /// re-screens hundreds of thousands of listings. Bounded, so that made-up words cannot grow the memory without end.
    /// </summary>
    private const int RememberedWords = 200_000;

    private static readonly ConcurrentDictionary<string, string[]> StemsOfWord = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string> CanonicalWord = new(StringComparer.Ordinal);

    /// <summary>The normalised text: its words, separated by single spaces; the form a search column stores.</summary>
    public static string Normalize(string? text) => string.Join(' ', Tokens(text));

    /// <summary>The normalised words of the text, in order.</summary>
    public static string[] Tokens(string? text) =>
        [.. Undisguise(text).Where(w => w.Read is not null).Select(w => Remembered(CanonicalWord, w.Read!, Canonical))];

    /// <summary>
    /// The words of the text with its disguises undone (entities, compatibility forms, format characters, accents, look-alikes,
    /// case, spelled-out letters) but not yet its spellings: each as written, digits kept, and as read with digits for letters.
    /// Screening matches the read words, canonically spelled (<see cref="Tokens"/>); search keeps the written ones too, so a
    /// number such as "42" or "512gb" is still found as typed.
    /// </summary>
    public static IReadOnlyList<UndisguisedWord> Undisguise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var raw = RawWords(Clean(text));
        var words = new List<UndisguisedWord>(raw.Count);
        for (var i = 0; i < raw.Count;)
        {
            var run = SpelledOutRun(raw, i);
            var written = run > 1 ? string.Concat(raw.Skip(i).Take(run)) : raw[i];
            words.Add(new UndisguisedWord(written, ReadAsLetters(written)));
            i += run;
        }

        return words;
    }

    /// <summary>
    /// The forms of a word a term could be: itself, its English singular ("batiks", "boxes"), and the stem under the Indonesian
    /// affixes ber-, me(N)-, di-, ter-, -an, -kan, -nya ("dibatik", "menganyam", "tenunan", "sambelnya"). A stem is kept only
    /// with three letters or more, and only matches if it is a term itself, so "mainan" yields "main" but flags nothing.
    /// </summary>
    public static IReadOnlyList<string> Stems(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Remembered(StemsOfWord, word, static w => [.. StemsOf(w)]);
    }

    private static List<string> StemsOf(string word)
    {
        var stems = new List<string>(4) { word };
        if (word.Length > 1 && word[^1] == 's')
        {
            Add(stems, word[..^1]);
        }

        if (word.Length > 2 && word.EndsWith("es", StringComparison.Ordinal))
        {
            Add(stems, word[..^2]);
        }

        // The shortest affixed word is a two-letter affix on a three-letter stem.
        if (word.Length < 5)
        {
            return stems;
        }

        AddWithoutSuffixes(stems, word);
        foreach (var (prefix, restored) in Prefixes)
        {
            if (word.Length - prefix.Length < 3 || !word.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = word[prefix.Length..];
            AddWithoutSuffixes(stems, DropFirstSchwa(rest));
            if (restored is { } consonant)
            {
                AddWithoutSuffixes(stems, DropFirstSchwa(consonant + rest));
            }
        }

        return stems;
    }

    /// <summary>A normalised word matches a term's word as itself or as one of its <see cref="Stems"/> ("batiks", "dibatik").</summary>
    public static bool SameWord(string word, string term) => Stems(word).Contains(term, StringComparer.Ordinal);

    /// <summary>
    /// The normalised words of the text, each with its <see cref="Stems"/> (the word itself first) and their sounds. Words run
    /// together in CamelCase ("HijabInstan", "TehHijau") are read apart here, for screening only: search keeps "iPhone" whole.
    /// </summary>
    public static ReadWord[] WordsWithStems(string? text) =>
        [.. Undisguise(SplitCamelCase(text)).Where(w => w.Read is not null).Select(w => Remembered(ReadAsWritten, w.Read!, ReadWordAsWritten))];

    /// <summary>
    /// A word with the sound of its spelling before the doubles were collapsed as well: "bateek" and "kopee" read "batek" and
    /// "kope", but sound batik and kopi.
    /// </summary>
    private static ReadWord ReadWordAsWritten(string read)
    {
        var word = ReadWord(Remembered(CanonicalWord, read, Canonical));
        var sound = SoundKey(read);
        return word.Stems.Contains(sound, StringComparer.Ordinal) || word.Sounds.Contains(sound, StringComparer.Ordinal)
            ? word
            : word with { Sounds = [.. word.Sounds, sound] };
    }

    private static readonly ConcurrentDictionary<string, ReadWord> ReadAsWritten = new(StringComparer.Ordinal);

    private static string? SplitCamelCase(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        StringBuilder? split = null;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsAsciiLetterLower(text[i - 1]) && char.IsAsciiLetterUpper(text[i]))
            {
                split ??= new StringBuilder(text, 0, i, text.Length + 8);
                split.Append(' ');
            }

            split?.Append(text[i]);
        }

        return split?.ToString() ?? text;
    }

    /// <summary>A normalised word with its <see cref="Stems"/> and the <see cref="SoundKey"/> of each stem spelt otherwise than it sounds.</summary>
    public static ReadWord ReadWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Remembered(ReadWords, word, static w =>
        {
            var stems = Stems(w);
            return new ReadWord(stems, [.. stems.Select(SoundKey).Where(k => !stems.Contains(k, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal)]);
        });
    }

    /// <summary>
    /// How a normalised word sounds, written the Indonesian way: sellers spell blocked words as they sound, and sound-alike
    /// spellings meet here ("batique", "batiq" and "batick" sound batik; "kofi", "koffie" and "copi" sound kopi; "kebaja"
    /// kebaya; "sambhal" sambal; "songquet" songket; "jilbap" jilbab). The rules are Indonesian spelling's, not any word's:
    /// q, qu, -que, ck and hard c as k; ch as c; f and v as p; x as ks; an h after b, d, g, k or t dropped; ao as au;
    /// the Dutch and English long vowels ie and ee as i, oo as u; old nj, sj and a j between vowels as ny, sy and y; an i
    /// between vowels as y and a y after i as nothing ("kebaia" kebaya, "bakpiya" bakpia); a final h after a vowel dropped;
    /// a final b as p; doubles collapsed.
    /// A word counts by its sound only when its spelling differs from it, so a plain word ("pabrik", a factory) never meets a
    /// term by the term's sound ("fabric").
    /// </summary>
    public static string SoundKey(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Remembered(SoundOfWord, word, SoundOf);
    }

    /// <summary>
    /// Whether the goods a term names at <paramref name="start"/> are only what another product serves: Indonesian puts the
    /// product first and its purpose after ("lemari pakaian", a wardrobe; "penggiling daging", a mincer; "rak bumbu", a
    /// spice rack), English the other way round ("coffee grinder", "tea cup"). Instrument nouns (the peN- prefix: pewangi,
    /// pemutih, pembersih, penggiling) and a short list of holders, tools and appliances are such products.
    /// </summary>
    public static bool ServesOtherGoods(IReadOnlyList<ReadWord> words, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(words);
        return (start > 0 && IsHolderOrTool(words[start - 1].Word))
            || (start > 0 && OtherGoodsHeads.Contains(words[0].Word))
            || (start + length < words.Count && EnglishHolders.Contains(words[start + length].Word));
    }

    /// <summary>
    /// Goods of open clusters that name what they are made of or with after them, when they head the title: "sabun sereh",
    /// "minyak kemiri", "sikat gigi bambu", "bibit cabai", "coating keramik", "lip balm madu". The closed-cluster words that
    /// follow are ingredients, scents or materials, not the goods on sale.
    /// </summary>
    private static readonly FrozenSet<string> OtherGoodsHeads = new[]
    {
        "sabun", "sampo", "shampo", "shampoo", "masker", "lulur", "scrub", "serum", "toner", "lotion", "krim", "cream", "salep",
        "balsem", "koyo", "koyok", "deodoran", "parfum", "minyak", "lip", "body", "face", "hand", "sikat", "catokan", "bibit", "benih",
        "pupuk", "coating",
    }.Select(Canonical).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Holders, tools and appliances that name their purpose after them in Indonesian.</summary>
    private static readonly FrozenSet<string> Holders = new[]
    {
        "tempat", "wadah", "rak", "lemari", "gantungan", "keranjang", "kotak", "toples", "mesin", "alat", "lem", "nat", "sikat",
        "sisir", "cangkir", "gelas", "mug", "dispenser", "cetakan", "saringan", "timbangan", "tutup", "cover",
        "hanger", "jemuran", "setrika", "rel", "tiang", "mixer", "oven", "loyang", "tumbler",

        // A scent names what it smells of, not goods: "aroma kopi" scents a car, "wangi melati" a detergent.
        "aroma", "wangi",
    }.Select(Canonical).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The same in English, where the purpose comes first.</summary>
    private static readonly FrozenSet<string> EnglishHolders = new[]
    {
        "maker", "machine", "grinder", "cup", "mug", "rack", "holder", "cleaner", "cooker", "filter", "dispenser", "opener", "kettle", "scoop",
        "steamer", "organizer", "container", "storage", "warmer", "scent", "scented", "fragrance",
    }.Select(Canonical).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Instrument nouns start pem-, pen(g)-, peny- or pew- and are longer than the short words that merely start so (pempek, pensil).</summary>
    private static bool IsHolderOrTool(string word) =>
        Holders.Contains(word) || (word.Length >= 7 && InstrumentPrefixes.Any(p => word.StartsWith(p, StringComparison.Ordinal)));

    private static readonly string[] InstrumentPrefixes = ["pem", "pen", "pew"];

    /// <summary>a, e, i, o or u.</summary>
    public static bool IsVowelLetter(char c) => IsVowel(c);

    private static readonly ConcurrentDictionary<string, ReadWord> ReadWords = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string> SoundOfWord = new(StringComparer.Ordinal);

    private static readonly (string Spelling, string Sound)[] SoundSpellings =
    [
        ("qu", "k"), ("q", "k"), ("ck", "k"), ("ch", "c"), ("x", "ks"), ("sj", "sy"), ("nj", "ny"),
        ("bh", "b"), ("dh", "d"), ("gh", "g"), ("kh", "k"), ("th", "t"), ("ao", "au"),
        ("ee", "i"), ("ie", "i"), ("oo", "u"), ("iy", "i"),
    ];

    private static string SoundOf(string word)
    {
        var w = word.Length > 4 && word.EndsWith("que", StringComparison.Ordinal) ? word[..^3] + "k" : word;
        foreach (var (spelling, sound) in SoundSpellings)
        {
            w = w.Replace(spelling, sound, StringComparison.Ordinal);
        }

        var sounded = new StringBuilder(w.Length);
        for (var i = 0; i < w.Length; i++)
        {
            var next = i + 1 < w.Length ? w[i + 1] : '\0';
            sounded.Append(w[i] switch
            {
                'c' when next is 'a' or 'o' or 'u' or 'l' or 'r' or '\0' => 'k',
                'f' or 'v' => 'p',
                'j' or 'i' when i > 0 && IsVowel(w[i - 1]) && IsVowel(next) => 'y',
                'b' when next == '\0' && i > 0 => 'p',
                var c => c,
            });
        }

        if (sounded.Length >= 5 && sounded[^1] == 'h' && IsVowel(sounded[^2]))
        {
            sounded.Length--;
        }

        return CollapseDoubles(sounded.ToString());
    }

    private static readonly string[] Suffixes = ["annya", "kannya", "nya", "kan", "an"];

    private static void AddWithoutSuffixes(List<string> stems, string root)
    {
        Add(stems, root);
        foreach (var suffix in Suffixes)
        {
            if (root.Length - suffix.Length >= 3 && root.EndsWith(suffix, StringComparison.Ordinal))
            {
                Add(stems, root[..^suffix.Length]);
            }
        }
    }

    private static void Add(List<string> stems, string stem)
    {
        if (!stems.Contains(stem, StringComparer.Ordinal))
        {
            stems.Add(stem);
        }
    }


    /// <summary>Prefixes; me(N)- also drops the first consonant of the root (tenun: menenun), which comes back here.</summary>
    private static readonly (string Prefix, char? Restored)[] Prefixes =
    [
        ("ber", null), ("ter", null), ("di", null), ("me", null),

        // ber- and ter- before a vowel, as the dropped-schwa folding leaves them ("beranyam" reads "branyam").
        ("br", null), ("tr", null),
        ("meng", 'k'), ("meny", 's'), ("mem", 'p'), ("men", 't'),
    ];

    /// <summary>Entities decoded, compatibility forms folded, format characters and accents dropped, look-alikes read as Latin.</summary>
    private static string Clean(string text)
    {
        // Twice, so an entity hidden under an escaped ampersand ("&amp;#98;") is decoded as well.
        var decoded = text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(WebUtility.HtmlDecode(text)) : text;
        if (System.Text.Ascii.IsValid(decoded))
        {
            return decoded.ToLowerInvariant();
        }

        var decomposed = decoded.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        var clean = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.Format))
            {
                clean.Append(LatinLookalikes.Fold(c));
            }
        }

        return clean.ToString().ToLowerInvariant();
    }

    private static List<string> RawWords(string clean)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= clean.Length; i++)
        {
            var inWord = i < clean.Length && clean[i] is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '@' or '$';
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(clean[start..i]);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>
    /// How many words from <paramref name="start"/> form one spelled-out word: a run of one-character words with at least
    /// two letters among them ("b a t i k", "8.a.t.i.k"); otherwise 1. Sizes and counts ("3 x 4", "1 2 3") stay apart.
    /// </summary>
    private static int SpelledOutRun(List<string> raw, int start)
    {
        var end = start;
        var letters = 0;
        while (end < raw.Count && raw[end].Length == 1)
        {
            letters += char.IsAsciiLetterLower(raw[end][0]) ? 1 : 0;
            end++;
        }

        return end - start >= SpelledOutMinimum && letters >= 2 ? end - start : 1;
    }

    /// <summary>
    /// Digits stand for letters only inside a word that has letters ("b4tik"); a bare number such as a size or a
    /// model number ("7335", "18650") is not a word and reads as nothing, so it cannot fold into one.
    /// </summary>
    private static string? ReadAsLetters(string written)
    {
        if (!written.Any(char.IsAsciiLetterLower))
        {
            return null;
        }

        var folded = new StringBuilder(written.Length);
        foreach (var c in written)
        {
            folded.Append(FoldCharacter(c));
        }

        return folded.ToString();
    }

    private static TValue Remembered<TValue>(ConcurrentDictionary<string, TValue> memory, string key, Func<string, TValue> compute)
    {
        if (memory.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = compute(key);
        if (memory.Count < RememberedWords)
        {
            memory.TryAdd(key, value);
        }

        return value;
    }

    private static char FoldCharacter(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
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
}

/// <summary>
/// One normalised word as the screening reads it: its <see cref="Stems"/>, the word itself first, and the sounds of those
/// stems spelt otherwise than they sound (<see cref="LexiconText.SoundKey"/>), which match a term only by the term's sound.
/// </summary>
public sealed record ReadWord(IReadOnlyList<string> Stems, IReadOnlyList<string> Sounds)
{
    public string Word => Stems[0];
}

/// <summary>
/// One word with its disguises undone: <see cref="Written"/> as the text has it (lower-case ASCII letters and digits, with any
/// '@' or '$'), <see cref="Read"/> with digits and symbols read as letters, or null for a bare number.
/// </summary>
public readonly record struct UndisguisedWord(string Written, string? Read);

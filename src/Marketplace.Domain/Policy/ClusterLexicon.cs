namespace Marketplace.Domain.Policy;

/// <summary>
/// Words that mark a cluster's goods (batik, kopi, anyaman...), in Indonesian, regional languages and English. A term
/// written with a leading <c>!</c> is an exception: the phrase names other goods ("!sarung tangan" are gloves, "!rak sepatu"
/// a shoe rack), and the words it covers do not count as the cluster's goods.
/// A term is found as whole words after spelling variants are folded (<see cref="LexiconText"/>), by how the words sound when
/// they are spelt otherwise ("batique", "kofi"), and fused into a longer word ("premiumbatikshirt", "kopigayo").
/// </summary>
public sealed class ClusterLexicon
{
    public const char ExceptionMark = '!';

    /// <summary>
    /// A fused word is searched only from this length, and only for terms of at least <see cref="FusedTermMinimum"/> letters
    /// with at least <see cref="FusedRestMinimum"/> letters on each side that has any: "kopiah" (kopi + ah) and "tempel"
    /// (tempe + l) are other words, "kopigayo" and "tasrotan" are not.
    /// </summary>
    private const int FusedWordMinimum = 8;

    private const int FusedTermMinimum = 4;

    private const int FusedRestMinimum = 3;

    private const int SoundMinimum = 4;

    private readonly List<Term> _terms;

    /// <summary>Terms by their first folded word and its sound, so a text is scanned once whatever the size of the lexicon.</summary>
    private readonly Dictionary<string, List<int>> _termsByFirstWord = new(StringComparer.Ordinal);

    /// <summary>
    /// Terms as they read run together into one word (a phrase's words joined), by that form; and by its sound, which is
    /// searched only in the sound of a word spelt otherwise than it sounds.
    /// </summary>
    private readonly Dictionary<string, List<int>> _termsByFusedForm = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<int>> _termsByFusedSound = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _fusedForms;

    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _fusedSounds;

    private readonly int _longestFusedForm;

    public ClusterLexicon(ClusterRef cluster, IEnumerable<string> terms)
    {
        Cluster = cluster;
        Terms = terms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        _terms = Terms.Select(t => t[0] == ExceptionMark ? Term.Of(t[1..], true) : Term.Of(t, false)).ToList();
        for (var i = 0; i < _terms.Count; i++)
        {
            var term = _terms[i];
            if (term.Words.Length == 0)
            {
                continue;
            }

            Index(_termsByFirstWord, term.Words[0], i);
            if (term.Sounds[0].Length > 0)
            {
                Index(_termsByFirstWord, term.Sounds[0], i);
            }

            if (term.Fused.Length >= FusedTermMinimum)
            {
                Index(_termsByFusedForm, term.Fused, i);
                Index(_termsByFusedSound, term.FusedSound, i);
                _longestFusedForm = Math.Max(_longestFusedForm, Math.Max(term.Fused.Length, term.FusedSound.Length));
            }
        }

        _fusedForms = _termsByFusedForm.GetAlternateLookup<ReadOnlySpan<char>>();
        _fusedSounds = _termsByFusedSound.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ClusterRef Cluster { get; }

    public IReadOnlyList<string> Terms { get; }

    /// <summary>The lexicon's terms found in the text, in lexicon order.</summary>
    public IReadOnlyList<string> Matches(string text) => Matches(LexiconText.WordsWithStems(text));

    /// <summary>The terms found in words already read by <see cref="LexiconText.WordsWithStems"/>, so several lexicons share one reading.</summary>
    public IReadOnlyList<string> Matches(IReadOnlyList<ReadWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        List<(int Term, int Start, int Length)>? found = null;
        bool[]? excepted = null;
        for (var start = 0; start < words.Count; start++)
        {
            // A word read as a term by its spelling is that term; what it also sounds like ("coffee" sounds kopi) adds nothing.
            var matching = Candidates(words[start]).Select(i => (Index: i, Read: ContinuesAt(words, start, _terms[i]))).Where(m => m.Read != Reading.None).ToList();
            var spelt = matching.Any(m => m.Read == Reading.Spelling);
            foreach (var (index, _) in matching.Where(m => !spelt || m.Read == Reading.Spelling))
            {
                var term = _terms[index];

                if (term.Exception)
                {
                    excepted ??= new bool[words.Count];
                    Array.Fill(excepted, true, start, term.Words.Length);
                }
                else if (!LexiconText.ServesOtherGoods(words, start, term.Words.Length))
                {
                    (found ??= []).Add((index, start, term.Words.Length));
                }
            }

            if (!LexiconText.ServesOtherGoods(words, start, 1))
            {
                foreach (var index in FusedIn(words[start]))
                {
                    (found ??= []).Add((index, start, 1));
                }
            }
        }

        return found is null
            ? []
            : found.Where(f => excepted is null || !excepted.AsSpan(f.Start, f.Length).Contains(true))
                .Select(f => f.Term).Distinct().Order().Select(i => Terms[i]).ToList();
    }

    private IEnumerable<int> Candidates(ReadWord word)
    {
        var seen = new HashSet<int>();
        foreach (var form in word.Stems.Concat(word.Sounds))
        {
            if (_termsByFirstWord.TryGetValue(form, out var candidates))
            {
                foreach (var index in candidates.Where(seen.Add))
                {
                    yield return index;
                }
            }
        }
    }

    /// <summary>
    /// Terms run together with other words into this one ("batikpria", "kopigayo250gr", "sarungtangan" excepted as gloves),
    /// found in the word as written and in its sound. An exception found in the word cancels the terms it overlaps.
    /// </summary>
    private List<int> FusedIn(ReadWord word)
    {
        var written = word.Word;
        if (written.Length < FusedWordMinimum)
        {
            // A phrase run together is a word of its own ("gulaaren" folds to "gularen"), whatever its length.
            return _termsByFusedForm.TryGetValue(written, out var phrases) ? [.. phrases.Where(t => _terms[t].Words.Length > 1 && !_terms[t].Exception)] : [];
        }

        List<(int Term, int Start, int End)>? inside = null;
        var sound = LexiconText.SoundKey(written);
        foreach (var (form, lookup) in sound == written ? [(written, _fusedForms)] : new[] { (written, _fusedForms), (sound, _fusedSounds) })
        {
            for (var start = 0; start <= form.Length - FusedTermMinimum; start++)
            {
                for (var length = FusedTermMinimum; length <= Math.Min(_longestFusedForm, form.Length - start); length++)
                {
                    if (!lookup.TryGetValue(form.AsSpan(start, length), out var terms))
                    {
                        continue;
                    }

                    // An exception counts wherever it stands ("temper" in "tempered"); a term needs a word's worth on each side.
                    var rest = form.Length - start - length;
                    var standsAlone = start is 0 or >= FusedRestMinimum && rest is 0 or >= FusedRestMinimum && !ContinuesAsSuffix(form, start + length);
                    foreach (var index in terms.Where(t => _terms[t].Exception || standsAlone))
                    {
                        (inside ??= []).Add((index, start, start + length));
                    }
                }
            }
        }

        if (inside is null)
        {
            return [];
        }

        var exceptions = inside.Where(f => _terms[f.Term].Exception).ToList();
        return [.. inside
            .Where(f => !_terms[f.Term].Exception && !exceptions.Any(e => e.Start < f.End && f.Start < e.End))
            .Select(f => f.Term)];
    }

    /// <summary>
    /// A term ending in a consonant before a vowel gives that consonant to the next syllable, which makes a short rest or one
    /// ending as a suffix ends a suffix of one word rather than a second word: "fabric-ated", "perak-itan" (assembly),
    /// "dress-ing", "pearl-escent"; a longer rest is a word of its own ("kerupuk-udang").
    /// </summary>
    private static bool ContinuesAsSuffix(string form, int end) =>
        end < form.Length && !LexiconText.IsVowelLetter(form[end - 1]) && LexiconText.IsVowelLetter(form[end])
        && (form.Length - end <= SuffixLength || SuffixEndings.Any(s => form.EndsWith(s, StringComparison.Ordinal)));

    private const int SuffixLength = 4;

    private static readonly string[] SuffixEndings = ["an", "ing", "ings", "ed", "er", "ers", "es", "ion", "ions", "ive", "ent", "ence", "ity", "ous", "ic", "al"];

    private static void Index(Dictionary<string, List<int>> index, string key, int term)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(term))
        {
            list.Add(term);
        }
    }

    /// <summary>Whether the term's words follow from <paramref name="start"/>, each as spelt, or some only by their sound.</summary>
    private static Reading ContinuesAt(IReadOnlyList<ReadWord> words, int start, Term term)
    {
        if (start + term.Words.Length > words.Count)
        {
            return Reading.None;
        }

        var reading = Reading.Spelling;
        for (var k = 0; k < term.Words.Length; k++)
        {
            var word = words[start + k];
            if (word.Stems.Contains(term.Words[k], StringComparer.Ordinal))
            {
                continue;
            }

            if (!word.Sounds.Contains(term.Sounds[k], StringComparer.Ordinal))
            {
                return Reading.None;
            }

            reading = Reading.Sound;
        }

        return reading;
    }

    private enum Reading
    {
        None,
        Spelling,
        Sound,
    }

    /// <summary>One term: its folded words, their sounds, and the phrase run together into one word and its sound.</summary>
    private sealed record Term(string[] Words, string[] Sounds, string Fused, string FusedSound, bool Exception)
    {
        public static Term Of(string text, bool exception)
        {
            var read = LexiconText.Undisguise(text).Where(w => w.Read is not null).Select(w => w.Read!).ToArray();
            var words = LexiconText.Tokens(text);
            var fused = LexiconText.Tokens(string.Concat(words)) is [var one] ? one : string.Empty;

            // Sounded as spelt, before doubles collapse ("coffee" sounds kopi), as a text word is (LexiconText.WordsWithStems).
            var sounds = read.Length == words.Length ? read.Select(Sound) : words.Select(Sound);
            return new Term(words, [.. sounds], fused, Sound(fused), exception);
        }

        /// <summary>Short words sound alike too easily ("rock" sounds rok, a skirt), so a term word is matched by its sound from four letters.</summary>
        private static string Sound(string word) => word.Length >= SoundMinimum ? LexiconText.SoundKey(word) : string.Empty;
    }
}

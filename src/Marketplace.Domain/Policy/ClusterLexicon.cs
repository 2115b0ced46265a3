namespace Marketplace.Domain.Policy;

/// <summary>
/// Words that mark a cluster's goods (batik, kopi, anyaman...), in Indonesian, regional languages and English. A term
/// written with a leading <c>!</c> is an exception: the phrase names other goods ("!sarung tangan" are gloves, "!rak sepatu"
/// a shoe rack), and the words it covers do not count as the cluster's goods.
/// </summary>
public sealed class ClusterLexicon
{
    public const char ExceptionMark = '!';

    private readonly List<(string[] Words, bool Exception)> _terms;

    /// <summary>Terms by their first folded word, so a text is scanned once whatever the size of the lexicon.</summary>
    private readonly Dictionary<string, List<int>> _termsByFirstWord = new(StringComparer.Ordinal);

    public ClusterLexicon(ClusterRef cluster, IEnumerable<string> terms)
    {
        Cluster = cluster;
        Terms = terms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        _terms = Terms.Select(t => t[0] == ExceptionMark ? (LexiconText.Tokens(t[1..]), true) : (LexiconText.Tokens(t), false)).ToList();
        for (var i = 0; i < _terms.Count; i++)
        {
            if (_terms[i].Words.Length == 0)
            {
                continue;
            }

            if (!_termsByFirstWord.TryGetValue(_terms[i].Words[0], out var list))
            {
                _termsByFirstWord[_terms[i].Words[0]] = list = [];
            }

            list.Add(i);
        }
    }

    public ClusterRef Cluster { get; }

    public IReadOnlyList<string> Terms { get; }

    /// <summary>The lexicon's terms found in the text as whole words, after spelling variants are folded, in lexicon order.</summary>
    public IReadOnlyList<string> Matches(string text) => Matches(LexiconText.WordsWithStems(text));

    /// <summary>The terms found in words already read by <see cref="LexiconText.WordsWithStems"/>, so several lexicons share one reading.</summary>
    public IReadOnlyList<string> Matches(IReadOnlyList<string>[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        List<(int Term, int Start, int Length)>? found = null;
        bool[]? excepted = null;
        for (var start = 0; start < words.Length; start++)
        {
            foreach (var stem in words[start])
            {
                if (!_termsByFirstWord.TryGetValue(stem, out var candidates))
                {
                    continue;
                }

                foreach (var index in candidates)
                {
                    var (term, exception) = _terms[index];
                    if (!ContinuesAt(words, start, term))
                    {
                        continue;
                    }

                    if (exception)
                    {
                        excepted ??= new bool[words.Length];
                        Array.Fill(excepted, true, start, term.Length);
                    }
                    else
                    {
                        (found ??= []).Add((index, start, term.Length));
                    }
                }
            }
        }

        return found is null
            ? []
            : found.Where(f => excepted is null || !excepted.AsSpan(f.Start, f.Length).Contains(true))
                .Select(f => f.Term).Distinct().Order().Select(i => Terms[i]).ToList();
    }

    private static bool ContinuesAt(IReadOnlyList<string>[] words, int start, string[] term)
    {
        if (start + term.Length > words.Length)
        {
            return false;
        }

        for (var k = 0; k < term.Length; k++)
        {
            if (!words[start + k].Contains(term[k], StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

namespace Marketplace.Domain.Policy;

/// <summary>Words that mark a cluster's goods (batik, kopi, anyaman...), in Indonesian and English.</summary>
public sealed class ClusterLexicon
{
    private readonly List<string[]> _terms;

    /// <summary>Terms by their first folded word, so a text is scanned once whatever the size of the lexicon.</summary>
    private readonly Dictionary<string, List<int>> _termsByFirstWord = new(StringComparer.Ordinal);

    public ClusterLexicon(ClusterRef cluster, IEnumerable<string> terms)
    {
        Cluster = cluster;
        Terms = terms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        _terms = Terms.Select(LexiconText.Tokens).ToList();
        for (var i = 0; i < _terms.Count; i++)
        {
            if (_terms[i].Length == 0)
            {
                continue;
            }

            if (!_termsByFirstWord.TryGetValue(_terms[i][0], out var list))
            {
                _termsByFirstWord[_terms[i][0]] = list = [];
            }

            list.Add(i);
        }
    }

    public ClusterRef Cluster { get; }

    public IReadOnlyList<string> Terms { get; }

    /// <summary>The lexicon's terms found in the text as whole words, after spelling variants are folded, in lexicon order.</summary>
    public IReadOnlyList<string> Matches(string text)
    {
        var tokens = LexiconText.Tokens(text);
        SortedSet<int>? found = null;
        for (var start = 0; start < tokens.Length; start++)
        {
            foreach (var stem in LexiconText.Stems(tokens[start]))
            {
                if (!_termsByFirstWord.TryGetValue(stem, out var candidates))
                {
                    continue;
                }

                foreach (var index in candidates)
                {
                    if (ContinuesAt(tokens, start, _terms[index]))
                    {
                        (found ??= []).Add(index);
                    }
                }
            }
        }

        return found is null ? [] : found.Select(i => Terms[i]).ToList();
    }

    private static bool ContinuesAt(string[] tokens, int start, string[] term)
    {
        if (start + term.Length > tokens.Length)
        {
            return false;
        }

        for (var k = 0; k < term.Length; k++)
        {
            if (!LexiconText.SameWord(tokens[start + k], term[k]))
            {
                return false;
            }
        }

        return true;
    }
}

namespace Marketplace.Domain.Policy;

/// <summary>Words that mark a cluster's goods (batik, kopi, anyaman...), in Indonesian and English.</summary>
public sealed class ClusterLexicon
{
    private readonly List<string[]> _terms;

    public ClusterLexicon(ClusterRef cluster, IEnumerable<string> terms)
    {
        Cluster = cluster;
        Terms = terms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        _terms = Terms.Select(LexiconText.Tokens).Where(t => t.Length > 0).ToList();
    }

    public ClusterRef Cluster { get; }

    public IReadOnlyList<string> Terms { get; }

    /// <summary>The lexicon's terms found in the text as whole words, after spelling variants are folded.</summary>
    public IReadOnlyList<string> Matches(string text)
    {
        var tokens = LexiconText.Tokens(text);
        var found = new List<string>();
        for (var i = 0; i < _terms.Count; i++)
        {
            if (ContainsSequence(tokens, _terms[i]))
            {
                found.Add(Terms[i]);
            }
        }

        return found;
    }

    private static bool ContainsSequence(string[] tokens, string[] term)
    {
        for (var start = 0; start + term.Length <= tokens.Length; start++)
        {
            var all = true;
            for (var k = 0; k < term.Length && all; k++)
            {
                all = LexiconText.SameWord(tokens[start + k], term[k]);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}

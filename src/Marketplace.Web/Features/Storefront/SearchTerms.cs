using System.Text;

namespace Marketplace.Web.Features.Storefront;

/// <summary>
/// A shopper's words, made safe for <c>to_tsquery</c>: letters and digits only, lower case, each matched as a prefix
/// so a partly typed word still finds something. Nothing the shopper types reaches the query syntax.
/// </summary>
public sealed class SearchTerms
{
    public const int MaxWords = 6;
    private const int MinWordLength = 2;
    private const int MaxWordLength = 40;

    private SearchTerms(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    /// <summary>Each word as a prefix term, such as <c>sepat:*</c>.</summary>
    public IEnumerable<string> PrefixTerms => Words.Select(w => w + ":*");

    /// <summary>Any of the words, for ranking: a listing that has more of them ranks higher.</summary>
    public string AnyWord => string.Join(" | ", PrefixTerms);

    public static SearchTerms Parse(string? text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in (text ?? string.Empty).ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length >= MinWordLength && word.Length <= MaxWordLength && !words.Contains(word.ToString()))
            {
                words.Add(word.ToString());
            }

            word.Clear();
        }

        return new SearchTerms(words.Take(MaxWords).ToList());
    }
}

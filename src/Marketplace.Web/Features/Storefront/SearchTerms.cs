namespace Marketplace.Web.Features.Storefront;

/// <summary>
/// A shopper's words, made safe for <c>to_tsquery</c>: folded by <see cref="SearchText.Fold"/> to letters and digits, each
/// matched as a prefix so a partly typed word still finds something, and each with its Indonesian or English counterparts
/// (<see cref="SearchSynonyms"/>) as alternatives. Nothing the shopper types reaches the query syntax.
/// </summary>
public sealed class SearchTerms
{
    public const int MaxWords = 6;
    private const int MinWordLength = 2;
    private const int MaxWordLength = 40;

    private SearchTerms(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    /// <summary>Each word as a prefix term with its synonyms, such as <c>sepat:*</c> or <c>(sepatu:* | shoes:*)</c>.</summary>
    public IEnumerable<string> PrefixTerms => Words.Select(Term);

    /// <summary>Any of the words, for ranking: a listing that has more of them ranks higher.</summary>
    public string AnyWord => string.Join(" | ", PrefixTerms);

    public static SearchTerms Parse(string? text)
    {
        var words = SearchText.Fold(text)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length is >= MinWordLength and <= MaxWordLength)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxWords)
            .ToList();
        return new SearchTerms(words);
    }

    private static string Term(string word)
    {
        var synonyms = SearchSynonyms.Of(word);
        return synonyms.Count == 0 ? word + ":*" : "(" + string.Join(" | ", synonyms.Prepend(word).Select(w => w + ":*")) + ")";
    }
}

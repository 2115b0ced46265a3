namespace Marketplace.Web.Features.Storefront;

/// <summary>
/// A shopper's words, made safe for <c>to_tsquery</c>: folded by <see cref="SearchText.Words"/> to letters and digits, each
/// matched as a prefix so a partly typed word still finds something, each as written and as read without its disguise
/// ("8atik" also as "batik"), and each with its Indonesian or English counterparts (<see cref="SearchSynonyms"/>) as
/// alternatives. Nothing the shopper types reaches the query syntax.
/// </summary>
public sealed class SearchTerms
{
    public const int MaxWords = 6;
    private const int MinWordLength = 2;
    private const int MaxWordLength = 40;

    private readonly IReadOnlyList<string?> _readAs;

    private SearchTerms(IReadOnlyList<(string Word, string? Read)> words)
    {
        Words = [.. words.Select(w => w.Word)];
        _readAs = [.. words.Select(w => w.Read)];
    }

    /// <summary>The words as the shopper wrote them, folded; a word written only with symbols for letters as it reads.</summary>
    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    /// <summary>Each word as a prefix term with its synonyms, such as <c>sepat:*</c> or <c>(sepatu:* | shoes:*)</c>.</summary>
    public IEnumerable<string> PrefixTerms => Words.Select((word, i) => Term(word, _readAs[i]));

    /// <summary>Any of the words, for ranking: a listing that has more of them ranks higher.</summary>
    public string AnyWord => string.Join(" | ", PrefixTerms);

    public static SearchTerms Parse(string? text)
    {
        var words = SearchText.Words(text)
            .Select(w => w.Written.Length > 0 ? (Word: w.Written, w.Read) : (Word: w.Read ?? string.Empty, Read: null))
            .Where(w => w.Word.Length is >= MinWordLength and <= MaxWordLength)
            .DistinctBy(w => w.Word, StringComparer.Ordinal)
            .Take(MaxWords)
            .ToList();
        return new SearchTerms(words);
    }

    private static string Term(string word, string? read)
    {
        IEnumerable<string> forms = read is null ? [word] : [word, read];
        var alternatives = forms.Concat(forms.SelectMany(SearchSynonyms.Of)).Distinct(StringComparer.Ordinal).ToList();
        return alternatives.Count == 1 ? word + ":*" : "(" + string.Join(" | ", alternatives.Select(w => w + ":*")) + ")";
    }
}

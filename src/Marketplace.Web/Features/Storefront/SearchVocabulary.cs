using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Data.Configurations;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Storefront;

/// <summary>What the shopper may have meant, and what to offer while typing.</summary>
public sealed record SearchSuggestions(IReadOnlyList<string> Queries, IReadOnlyList<CategoryLink> Categories, IReadOnlyList<TitleSuggestion> Titles);

public sealed record TitleSuggestion(long Id, string Title);

/// <summary>
/// The words of live listings' titles (<c>search_words</c>, rebuilt by <see cref="SearchMaintenance"/>), with pg_trgm's
/// trigram distance for misspelt words ("batk" to "batik") and byte-ordered prefix ranges for suggestions as the shopper types.
/// </summary>
public sealed class SearchVocabulary(MarketplaceDbContext db, CatalogReader catalog, TimeProvider clock)
{
    public const int SuggestionCount = 5;

    /// <summary>Below this trigram similarity a word is not offered as what the shopper meant ("gyo" to "gayo" is 0.29).</summary>
    private const double MinSimilarity = 0.25;

    /// <summary>How many of the nearest words (by the trigram index) are weighed against each other for a correction.</summary>
    private const int Nearest = 10;

    /// <summary>
    /// A correction weighs how near a word is against how many listings carry it, as a spelling corrector weighs the chance of
    /// the typo against the chance of the word: 0.1 more similarity is worth about 2.7 times as many listings. In the demo
    /// catalogue "batk" is a little nearer to "batu" (38 listings) than to "batik" (105) and "gyo" to "gym" (3) than to
    /// "gayo" (6); shoppers meant batik and gayo. A word much nearer still wins over a common one ("bataa" stays "bata" in
    /// TypoCorrectionTests), though not over one a dozen times as common.
    /// </summary>
    private const double SimilarityWeight = 10;

    private const int MinPrefixLength = 2;

    /// <summary>
    /// Rebuilds the vocabulary from live titles. One batch is one implicit transaction, so readers see the previous
    /// vocabulary until it commits.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            $"""
            DELETE FROM search_words;
            INSERT INTO search_words (word, listings)
            SELECT word, ndoc FROM ts_stat('SELECT title_words FROM listings WHERE state = {(int)ListingState.Published}')
            WHERE length(word) >= 3 AND word !~ '^[0-9]+$';
            """,
            cancellationToken);

    /// <summary>
    /// The query with each word that starts no known word replaced by the nearest known word; null when every word is known
    /// or nothing near enough exists.
    /// </summary>
    public async Task<string?> CorrectAsync(string text, CancellationToken cancellationToken)
    {
        var words = SearchTerms.Parse(text).Words.ToArray();
        if (words.Length == 0)
        {
            return null;
        }

        var corrected = await db.Database.SqlQuery<string>(
            $"""
            SELECT coalesce(
                       CASE WHEN EXISTS (SELECT 1 FROM search_words w WHERE w.word >= q.word AND w.word < q.word || {PrefixEnd}) THEN q.word END,
                       (SELECT n.word FROM (SELECT w.word, w.listings FROM search_words w ORDER BY w.word <-> q.word LIMIT {Nearest}) n
                        WHERE similarity(n.word, q.word) >= {MinSimilarity}
                        ORDER BY ln(1 + n.listings) + {SimilarityWeight} * similarity(n.word, q.word) DESC, n.word LIMIT 1),
                       q.word) AS "Value"
            FROM unnest({words}::text[]) WITH ORDINALITY AS q(word, n)
            ORDER BY q.n
            """).ToListAsync(cancellationToken);
        var meant = words.Select((w, i) => SearchSynonyms.Of(w).Count > 0 ? w : corrected[i]).ToList();
        return meant.SequenceEqual(words) ? null : string.Join(' ', meant);
    }

    /// <summary>Words, categories and live titles that start with what the shopper has typed so far.</summary>
    public async Task<SearchSuggestions> SuggestAsync(string typed, CancellationToken cancellationToken)
    {
        var folded = SearchText.Written(typed);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (folded.Length < MinPrefixLength || words.Length == 0)
        {
            return new SearchSuggestions([], [], []);
        }

        var last = words[^1];
        var before = folded[..^last.Length];
        var end = last + PrefixEnd;
        var queries = await db.SearchWords.AsNoTracking()
            .Where(w => string.Compare(w.Word, last) >= 0 && string.Compare(w.Word, end) < 0)
            .OrderByDescending(w => w.Listings).ThenBy(w => w.Word)
            .Select(w => w.Word)
            .TakeLiteral(SuggestionCount)
            .ToListAsync(cancellationToken);

        var titleEnd = folded + PrefixEnd;
        var titles = await db.VisibleListingsAt(clock.GetUtcNow())
            .Where(v => string.Compare(EF.Property<string>(v.Listing, ListingConfiguration.SearchTitle), folded) >= 0
                && string.Compare(EF.Property<string>(v.Listing, ListingConfiguration.SearchTitle), titleEnd) < 0)
            .OrderBy(v => EF.Property<string>(v.Listing, ListingConfiguration.SearchTitle))
            .Select(v => new TitleSuggestion(v.Listing.Id, v.Listing.Title))
            .TakeLiteral(SuggestionCount)
            .ToListAsync(cancellationToken);

        var tree = await catalog.ReadAsync(cancellationToken);
        var categories = tree.All
            .Where(c => SearchText.Written(c.NameId + " " + c.NameEn).Split(' ').Any(w => w.StartsWith(last, StringComparison.Ordinal)))
            .OrderBy(c => c.NameId, StringComparer.Ordinal)
            .Take(SuggestionCount)
            .Select(c => new CategoryLink(c.Slug, c.NameId, c.NameEn))
            .ToList();
        return new SearchSuggestions(queries.Select(q => before + q).ToList(), categories, titles);
    }

    /// <summary>Sorts after every word that starts with the prefix, in byte order (collation C).</summary>
    private const string PrefixEnd = "\uffff";
}

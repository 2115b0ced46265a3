using System.Linq.Expressions;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Data.Configurations;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Marketplace.Web.Features.Storefront;

/// <summary>Where a listing page looks: the whole shop, a category's subtree, or one seller's shop.</summary>
public sealed record ShelfScope(IReadOnlyList<int>? CategoryIds = null, int? SellerId = null)
{
    public static readonly ShelfScope Everywhere = new();
}

/// <summary>
/// One page of listing cards. <see cref="Total"/> is counted up to <see cref="ListingSearch.CountLimit"/> only:
/// past that a shopper refines rather than pages, and an exact count of a million rows costs more than the page itself.
/// </summary>
public sealed record ListingResults(IReadOnlyList<ListingCard> Cards, int Total, int Page)
{
    public static readonly ListingResults None = new([], 0, 1);

    public bool TotalIsCapped => Total > ListingSearch.CountLimit;

    public int PageCount => Math.Max(1, (Math.Min(Total, ListingSearch.CountLimit) + ListingSearch.PageSize - 1) / ListingSearch.PageSize);
}

/// <summary>
/// Search and browse over visible listings: full-text with Indonesian stemming plus prefixes of partly typed words, filters, sorts,
/// and bounded offset paging (at most <see cref="MaxPage"/> pages, so the deepest page still reads under a thousand index entries).
/// </summary>
public sealed class ListingSearch(StorefrontReads reads, SearchRankingCache rankings, SearchRanker ranker, TimeProvider clock)
{
    public const int PageSize = 24;
    public const int CountLimit = 1000;
    public const int MaxPage = (CountLimit + PageSize - 1) / PageSize;

    private const string Stemmed = "indonesian";
    private const string Unstemmed = "simple";

    /// <summary>"Syal Batik" answers "batik" better than a long title that also mentions it.</summary>
    private const NpgsqlTsRankingNormalization ShorterFirst = NpgsqlTsRankingNormalization.DivideBy1PlusLogLength;

    public async Task<ListingResults> FindAsync(ListingQuery query, ShelfScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var terms = SearchTerms.Parse(query.Text);
        if (query.HasText && terms.IsEmpty)
        {
            return ListingResults.None;
        }

        var db = await reads.ContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var matching = Matching(db, query, scope, terms, now);
        var page = Math.Clamp(query.Page, 1, MaxPage);
        return query.HasText
            ? await FromRankingAsync(db, matching, query, scope, terms, page, now, cancellationToken)
            : await BrowseAsync(matching, query.EffectiveSort, page, cancellationToken);
    }

    /// <summary>How many listings match when the filters are dropped, for the empty state's suggestion; bounded like every count.</summary>
    public async Task<int> CountWithoutFiltersAsync(ListingQuery query, ShelfScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = SearchTerms.Parse(query.Text);
        return query.HasText && terms.IsEmpty
            ? 0
            : await CountAsync(Match(Scope((await reads.ContextAsync(cancellationToken)).VisibleListingsAt(clock.GetUtcNow()), scope), terms), cancellationToken);
    }

    /// <summary>
    /// Browsing without words: an index serves each order, so the page reads 24 entries and the count at most 1,001, both in
    /// one statement.
    /// </summary>
    private static Task<ListingResults> BrowseAsync(IQueryable<PlacedListing> matching, ListingSort sort, int page, CancellationToken cancellationToken) =>
        PageAsync(Order(matching, sort, null), matching.TakeLiteral(CountLimit + 1), page, cancellationToken);

    /// <summary>
    /// A search with words: the ranked ids come from <see cref="SearchRankingCache"/> (ranked now only when missing; a stale
    /// order is shown while <see cref="SearchRanker"/> ranks it again in the background), and every request re-reads them
    /// through the visibility predicate, scope and filters, so a listing hidden since the ranking is gone from this request on.
    /// A title edited since then is matched again at the next ranking, within seconds.
    /// </summary>
    private async Task<ListingResults> FromRankingAsync(
        MarketplaceDbContext db,
        IQueryable<PlacedListing> matching, ListingQuery query, ShelfScope scope, SearchTerms terms, int page, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = RankingKey(query, scope, terms);
        var cached = await rankings.ReadAsync(key, now, cancellationToken);
        if (cached is { ClaimedForRanking: true })
        {
            ranker.RankLater(new SearchToRank(query, scope));
        }

        var ranked = cached?.ListingIds ?? await RankAsync(matching, query, terms, key, now, cancellationToken);
        return await FromRankedAsync(db, ranked, query, scope, page, now, cancellationToken);
    }

    /// <summary>Ranks a search as of now and keeps the order for the next requests; <see cref="SearchRanker"/> calls it for stale ones.</summary>
    public async Task RankAsync(SearchToRank search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var terms = SearchTerms.Parse(search.Query.Text);
        var db = await reads.ContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await RankAsync(Matching(db, search.Query, search.Scope, terms, now), search.Query, terms, RankingKey(search.Query, search.Scope, terms), now, cancellationToken);
    }

    private Task<long[]> RankAsync(
        IQueryable<PlacedListing> matching, ListingQuery query, SearchTerms terms, string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        ranker.RankOnceAsync(
            key,
            async () =>
            {
                var ids = await Order(matching, query.EffectiveSort, terms).Select(v => v.Listing.Id).TakeLiteral(CountLimit + 1).ToArrayAsync(cancellationToken);
                await rankings.StoreAsync(key, ids, now, cancellationToken);
                return ids;
            },
            cancellationToken);

    /// <summary>The page of ranked ids that are still shown, re-checked on this request.</summary>
    private static async Task<ListingResults> FromRankedAsync(
        MarketplaceDbContext db, long[] ranked, ListingQuery query, ShelfScope scope, int page, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Visibility, scope and filters by primary key only (matching the words again would read every match's vector), for the
        // ranked ids up to this page and one page more: re-checking all 1,001 on every request cost 50-150 ms at a million
        // listings. Hidden ids past that window still count until the next ranking; every id shown has been re-checked.
        for (var window = (page + 1) * PageSize; ; window *= 2)
        {
            var checkedIds = ranked.Take(window).ToArray();
            var shown = Filter(Scope(db.VisibleListingsAt(now), scope), query).Where(v => checkedIds.Contains(v.Listing.Id));
            var offset = (page - 1) * PageSize;
            var rows = await shown.OrderBy(v => Array.IndexOf(checkedIds, v.Listing.Id)).SkipLiteral(offset).TakeLiteral(PageSize)
                .Select(WithCount(shown)).ToListAsync(cancellationToken);
            if (rows.Count == PageSize || checkedIds.Length == ranked.Length)
            {
                var stillShown = rows.Count > 0 ? rows[0].Total : await shown.CountAsync(cancellationToken);
                var total = ranked.Length - checkedIds.Length + stillShown;
                var last = new ListingResults([], total, page).PageCount;
                return rows.Count > 0 || page <= last
                    ? new ListingResults([.. rows.Select(r => r.Card)], total, page)
                    : await FromRankedAsync(db, ranked, query, scope, last, now, cancellationToken);
            }
        }
    }

    /// <summary>Everything that decides which listings match and in what order, but not the page.</summary>
    private static string RankingKey(ListingQuery query, ShelfScope scope, SearchTerms terms) =>
        string.Join(',', scope.CategoryIds ?? []) + "|" + scope.SellerId + "|"
        + (query with { Text = string.Join(' ', terms.Words), Page = 1 }).ToQueryString();

    /// <summary>The visible listings in the scope that match every word and pass the filters, in no order.</summary>
    private static IQueryable<PlacedListing> Matching(MarketplaceDbContext db, ListingQuery query, ShelfScope scope, SearchTerms terms, DateTimeOffset now) =>
        Filter(Match(Scope(db.VisibleListingsAt(now), scope), terms), query);

    private static IQueryable<PlacedListing> Scope(IQueryable<PlacedListing> listings, ShelfScope scope)
    {
        // One category as "=": PostgreSQL does not use the category index for "= ANY" of a one-element array.
        if (scope.CategoryIds is [var categoryId])
        {
            listings = listings.Where(v => v.Listing.CategoryId == categoryId);
        }
        else if (scope.CategoryIds is { } categoryIds)
        {
            // The branch's ids as literals: with an array parameter PostgreSQL keeps planning the statement on every request
            // (about 2 ms at a million listings), and a catalogue has only a few dozen branches to prepare a statement for.
            listings = listings.Where(v => EF.Constant(categoryIds).Contains(v.Listing.CategoryId));
        }

        if (scope.SellerId is { } sellerId)
        {
            listings = listings.Where(v => v.Listing.SellerId == sellerId);
        }

        return listings;
    }
    /// <summary>Every word must match, either as a stemmed word in title or description or as the start of a title word.</summary>
    private static IQueryable<PlacedListing> Match(IQueryable<PlacedListing> listings, SearchTerms terms)
    {
        foreach (var term in terms.PrefixTerms)
        {
            listings = listings.Where(v =>
                EF.Property<NpgsqlTsVector>(v.Listing, ListingConfiguration.SearchVector).Matches(EF.Functions.ToTsQuery(Stemmed, term))
                || EF.Property<NpgsqlTsVector>(v.Listing, ListingConfiguration.TitleWords).Matches(EF.Functions.ToTsQuery(Unstemmed, term)));
        }

        return listings;
    }

    private static IQueryable<PlacedListing> Filter(IQueryable<PlacedListing> listings, ListingQuery query)
    {
        if (query.MinPrice is { } min)
        {
            listings = listings.Where(v => v.Listing.Price >= min);
        }

        if (query.MaxPrice is { } max)
        {
            listings = listings.Where(v => v.Listing.Price <= max);
        }

        listings = query.Origin switch
        {
            OriginFilter.Local => listings.Where(PlacedListings.Local),
            OriginFilter.Imported => listings.Where(PlacedListings.CrossBorder),
            _ => listings,
        };

        if (query.Province is { } province)
        {
            listings = listings.Where(v => v.Seller.Province == province);
        }

        if (query.MinTkdn is { } tkdn)
        {
            var percent = (decimal)tkdn;
            listings = listings.Where(v => v.Listing.TkdnPercent >= percent);
        }

        if (query.InStockOnly)
        {
            listings = listings.Where(v => v.Listing.Stock > 0);
        }

        return listings;
    }

    private static IQueryable<PlacedListing> Order(IQueryable<PlacedListing> listings, ListingSort sort, SearchTerms? terms)
    {
        switch (sort)
        {
            case ListingSort.Relevance when terms is not null:
                var anyWord = terms.AnyWord;
                return listings
                    .OrderByDescending(v =>
                        EF.Property<NpgsqlTsVector>(v.Listing, ListingConfiguration.SearchVector).Rank(EF.Functions.ToTsQuery(Stemmed, anyWord), ShorterFirst)
                        + EF.Property<NpgsqlTsVector>(v.Listing, ListingConfiguration.TitleWords).Rank(EF.Functions.ToTsQuery(Unstemmed, anyWord), ShorterFirst))
                    .ThenByDescending(v => v.Listing.PublishedAt).ThenByDescending(v => v.Listing.Id);
            case ListingSort.PriceLow:
                return listings.OrderBy(v => v.Listing.Price).ThenBy(v => v.Listing.Id);
            case ListingSort.PriceHigh:
                return listings.OrderByDescending(v => v.Listing.Price).ThenByDescending(v => v.Listing.Id);
            default:
                return listings.OrderByDescending(v => v.Listing.PublishedAt).ThenByDescending(v => v.Listing.Id);
        }
    }

    /// <summary>
    /// One page of cards with the count of <paramref name="counted"/> (bounded by the caller) beside each card, in one statement:
    /// PostgreSQL counts once (an uncorrelated subquery) and looks up the first image for the page's rows only (expensive
    /// output expressions are evaluated after the sort and limit). A page past the last one shows the last one.
    /// </summary>
    private static async Task<ListingResults> PageAsync(
        IQueryable<PlacedListing> ordered, IQueryable<PlacedListing> counted, int page, CancellationToken cancellationToken)
    {
        var rows = await ordered.SkipLiteral((page - 1) * PageSize).TakeLiteral(PageSize).Select(WithCount(counted)).ToListAsync(cancellationToken);
        if (rows.Count > 0 || page == 1)
        {
            return new ListingResults([.. rows.Select(r => r.Card)], rows.Count == 0 ? 0 : rows[0].Total, page);
        }

        // An empty page carries no count: asked for here, past the last page only.
        var last = new ListingResults([], await counted.CountAsync(cancellationToken), page).PageCount;
        return last < page ? await PageAsync(ordered, counted, last, cancellationToken) : new ListingResults([], 0, page);
    }

    /// <summary><see cref="ListingCard.FromVisible"/> and the count of <paramref name="counted"/>, as one projection EF translates.</summary>
    private static Expression<Func<PlacedListing, CountedCard>> WithCount(IQueryable<PlacedListing> counted) =>
        Expression.Lambda<Func<PlacedListing, CountedCard>>(
            Expression.New(
                typeof(CountedCard).GetConstructor([typeof(ListingCard), typeof(int)])!,
                ListingCard.FromVisible.Body,
                Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(PlacedListing)], counted.Expression)),
            ListingCard.FromVisible.Parameters);

    private sealed record CountedCard(ListingCard Card, int Total);

    private static Task<int> CountAsync(IQueryable<PlacedListing> matching, CancellationToken cancellationToken) =>
        matching.TakeLiteral(CountLimit + 1).CountAsync(cancellationToken);
}

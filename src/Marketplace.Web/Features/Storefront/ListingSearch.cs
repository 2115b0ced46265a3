using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Data.Configurations;
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
public sealed class ListingSearch(MarketplaceDbContext db, TimeProvider clock)
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

        var matching = Filter(Match(Scope(db.VisibleListingsAt(clock.GetUtcNow()), scope), terms), query);
        var ordered = Order(matching, query.EffectiveSort, terms);
        var page = Math.Clamp(query.Page, 1, MaxPage);
        if (page == 1)
        {
            var first = await PageAsync(ordered, 0, cancellationToken);
            var total = first.Count < PageSize ? first.Count : await CountAsync(matching, cancellationToken);
            return new ListingResults(first, total, 1);
        }

        // A page past the last one shows the last one.
        var count = await CountAsync(matching, cancellationToken);
        page = Math.Min(page, new ListingResults([], count, page).PageCount);
        return new ListingResults(await PageAsync(ordered, (page - 1) * PageSize, cancellationToken), count, page);
    }

    /// <summary>How many listings match when the filters are dropped, for the empty state's suggestion; bounded like every count.</summary>
    public Task<int> CountWithoutFiltersAsync(ListingQuery query, ShelfScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = SearchTerms.Parse(query.Text);
        return query.HasText && terms.IsEmpty
            ? Task.FromResult(0)
            : CountAsync(Match(Scope(db.VisibleListingsAt(clock.GetUtcNow()), scope), terms), cancellationToken);
    }

    private static IQueryable<VisibleListing> Scope(IQueryable<VisibleListing> listings, ShelfScope scope)
    {
        if (scope.CategoryIds is { } categoryIds)
        {
            listings = listings.Where(v => categoryIds.Contains(v.Listing.CategoryId));
        }

        if (scope.SellerId is { } sellerId)
        {
            listings = listings.Where(v => v.Listing.SellerId == sellerId);
        }

        return listings;
    }

    /// <summary>Every word must match, either as a stemmed word in title or description or as the start of a title word.</summary>
    private static IQueryable<VisibleListing> Match(IQueryable<VisibleListing> listings, SearchTerms terms)
    {
        foreach (var term in terms.PrefixTerms)
        {
            listings = listings.Where(v =>
                EF.Property<NpgsqlTsVector>(v.Listing, ListingConfiguration.SearchVector).Matches(EF.Functions.ToTsQuery(Stemmed, term))
                || EF.Property<NpgsqlTsVector>(v.Listing, ListingConfiguration.TitleWords).Matches(EF.Functions.ToTsQuery(Unstemmed, term)));
        }

        return listings;
    }

    private static IQueryable<VisibleListing> Filter(IQueryable<VisibleListing> listings, ListingQuery query)
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
            OriginFilter.Local => listings.Where(v => v.Seller.Origin == SellerOrigin.Local && v.Listing.Origin == ProductOrigin.Local),
            OriginFilter.Imported => listings.Where(v => v.Seller.Origin == SellerOrigin.CrossBorder || v.Listing.Origin == ProductOrigin.Imported),
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

    private static IQueryable<VisibleListing> Order(IQueryable<VisibleListing> listings, ListingSort sort, SearchTerms terms)
    {
        switch (sort)
        {
            case ListingSort.Relevance:
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

    private static Task<List<ListingCard>> PageAsync(IQueryable<VisibleListing> ordered, int offset, CancellationToken cancellationToken) =>
        ordered.Select(ListingCard.FromVisible).Skip(offset).Take(PageSize).ToListAsync(cancellationToken);

    private static Task<int> CountAsync(IQueryable<VisibleListing> matching, CancellationToken cancellationToken) =>
        matching.Take(CountLimit + 1).CountAsync(cancellationToken);
}

using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Storefront;

/// <summary>
/// The ordered ids one search matched when it was last ranked, kept in PostgreSQL for a few seconds so every web node reuses
/// one ranking. Only an order: every request re-reads these ids through <see cref="VisibleListings.VisibleListingsAt"/>.
/// </summary>
public sealed class SearchRanking
{
    public required string Key { get; init; }

    public required long[] ListingIds { get; init; }

    public DateTimeOffset RankedAt { get; init; }
}

/// <summary>A word of the visible catalogue and how many listings carry it in their title: the vocabulary typos are corrected against.</summary>
public sealed class SearchWord
{
    public required string Word { get; init; }

    public int Listings { get; init; }
}

/// <summary>A cached order and whether this request claimed it for ranking again (it was stale, and no one else had claimed it).</summary>
public sealed record CachedRanking(long[] ListingIds, bool ClaimedForRanking);

/// <summary>
/// Ranked ids per search for <c>Search:RankingSeconds</c> (10 s): ranking every match of a common word (25,000 for "batik" at a
/// million listings) costs hundreds of milliseconds, re-reading a page of ranked ids through the visibility predicate a few.
/// A listing published meanwhile joins the results when the entry is ranked again; one hidden meanwhile is gone at once.
/// A stale entry is still shown while the one request that claims it has it ranked again in the background
/// (<see cref="SearchRanker"/>), so no shopper waits for the ranking of a search others asked for in the last
/// <see cref="KeptFor"/>.
/// </summary>
public sealed class SearchRankingCache(MarketplaceDbContext db, IConfiguration configuration)
{
    private readonly TimeSpan _freshFor = TimeSpan.FromSeconds(configuration.GetValue("Search:RankingSeconds", 10));

    /// <summary>Entries nobody has asked for in this long are ranked before they are shown again, and deleted by <see cref="SearchMaintenance"/>.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    /// <returns>Null when the search must be ranked now: never ranked, not asked for in <see cref="KeptFor"/>, or caching is off (0 seconds).</returns>
    public async Task<CachedRanking?> ReadAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_freshFor <= TimeSpan.Zero)
        {
            return null;
        }

        var cached = await db.SearchRankings.AsNoTracking()
            .Where(r => r.Key == key && r.RankedAt > now - KeptFor)
            .Select(r => new { r.ListingIds, r.RankedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return cached is null ? null
            : cached.RankedAt > now - _freshFor ? new CachedRanking(cached.ListingIds, ClaimedForRanking: false)
            : new CachedRanking(cached.ListingIds, await ClaimAsync(key, now, cancellationToken));
    }

    public Task StoreAsync(string key, long[] ids, DateTimeOffset rankedAt, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO search_rankings (key, listing_ids, ranked_at) VALUES ({key}, {ids}, {rankedAt})
            ON CONFLICT (key) DO UPDATE SET listing_ids = excluded.listing_ids, ranked_at = excluded.ranked_at
            """,
            cancellationToken);

    /// <summary>
    /// Marks a stale entry fresh for whoever gets there first; the row lock makes it one request among all nodes. Should its
    /// ranking be lost (a node stopping), the entry turns stale again after <c>Search:RankingSeconds</c> and is claimed anew.
    /// </summary>
    private async Task<bool> ClaimAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staleBefore = now - _freshFor;
        return await db.SearchRankings
            .Where(r => r.Key == key && r.RankedAt <= staleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RankedAt, now), cancellationToken) == 1;
    }
}

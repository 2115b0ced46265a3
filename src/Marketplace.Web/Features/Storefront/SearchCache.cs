using Marketplace.Web.Data;
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

/// <summary>
/// Ranked ids per search for <c>Search:RankingSeconds</c> (10 s): ranking every match of a common word (25,000 for "batik" at a
/// million listings) costs hundreds of milliseconds, re-reading a thousand ranked ids through the visibility predicate a few.
/// A listing published meanwhile joins the results when the entry is re-ranked; one hidden meanwhile is gone at once.
/// A stale entry is re-ranked by the one request that claims it; the others keep using the previous order meanwhile.
/// </summary>
public sealed class SearchRankingCache(MarketplaceDbContext db, IConfiguration configuration)
{
    private readonly TimeSpan _freshFor = TimeSpan.FromSeconds(configuration.GetValue("Search:RankingSeconds", 10));

    /// <summary>Entries nobody has asked for in this long are deleted by <see cref="SearchMaintenance"/>.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    public async Task<long[]> ReadOrRankAsync(string key, DateTimeOffset now, Func<Task<long[]>> rank, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rank);
        var cached = await db.SearchRankings.AsNoTracking()
            .Where(r => r.Key == key)
            .Select(r => new { r.ListingIds, r.RankedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (cached is not null && (cached.RankedAt > now - _freshFor || !await ClaimAsync(key, now, cancellationToken)))
        {
            return cached.ListingIds;
        }

        var ids = await rank();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO search_rankings (key, listing_ids, ranked_at) VALUES ({key}, {ids}, {now})
            ON CONFLICT (key) DO UPDATE SET listing_ids = excluded.listing_ids, ranked_at = excluded.ranked_at
            """,
            cancellationToken);
        return ids;
    }

    /// <summary>Marks a stale entry fresh for whoever gets there first; the row lock makes it one request among all nodes.</summary>
    private async Task<bool> ClaimAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staleBefore = now - _freshFor;
        return await db.SearchRankings
            .Where(r => r.Key == key && r.RankedAt <= staleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RankedAt, now), cancellationToken) == 1;
    }
}

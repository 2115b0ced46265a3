using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Storefront;

/// <summary>
/// A listing whose search columns must be written again by <see cref="SearchText.Fold"/>. A migration that changes how
/// search folds text queues the existing rows here in one statement; <see cref="SearchRefolds"/> rewrites them after migrating,
/// so the folding rules live only in C#, never in a second SQL copy.
/// </summary>
public sealed class SearchRefold
{
    public long ListingId { get; init; }
}

public static class SearchRefolds
{
    private const int BatchSize = 5000;

    /// <summary>
    /// Rewrites the queued listings' search columns, a batch per transaction: the rows are read under their locks, folded in C#
    /// and written back by one UPDATE from arrays, only where the folded text changed. Resumes where it stopped after a crash.
    /// </summary>
    public static async Task RunAsync(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await db.Database.SqlQuery<long>(
                $"""
                DELETE FROM search_refolds WHERE listing_id IN (
                    SELECT listing_id FROM search_refolds ORDER BY listing_id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED)
                RETURNING listing_id AS "Value"
                """).ToArrayAsync(cancellationToken);
            if (ids.Length == 0)
            {
                return;
            }

            var rows = await db.Database.SqlQuery<ListingText>(
                $"SELECT id AS \"Id\", title AS \"Title\", description AS \"Description\" FROM listings WHERE id = ANY({ids}) ORDER BY id FOR UPDATE")
                .ToListAsync(cancellationToken);
            var listingIds = rows.Select(r => r.Id).ToArray();
            var titles = rows.Select(r => SearchText.Fold(r.Title)).ToArray();
            var descriptions = rows.Select(r => SearchText.Fold(r.Description)).ToArray();
            await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE listings l SET search_title = f.title, search_description = f.description
                FROM unnest({listingIds}, {titles}, {descriptions}) AS f(id, title, description)
                WHERE l.id = f.id AND (l.search_title IS DISTINCT FROM f.title OR l.search_description IS DISTINCT FROM f.description)
                """,
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private sealed class ListingText
    {
        public long Id { get; init; }

        public required string Title { get; init; }

        public required string Description { get; init; }
    }
}

using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Storefront;

public sealed record ClusterShelf(int Id, string Code, string NameId, string NameEn, bool ClosedToCrossBorder, IReadOnlyList<CategoryLink> Categories);

public sealed record CategoryLink(string Slug, string NameId, string NameEn);

public sealed record HomePageContent(IReadOnlyList<ClusterShelf> Clusters, IReadOnlyList<ListingCard> Newest, IReadOnlyList<ListingCard> Local)
{
    /// <summary>The catalog's top branches, shown as icon tiles at the top of home.</summary>
    public IReadOnlyList<CategoryLink> TopCategories { get; init; } = [];
}

/// <summary>Reads what the home page shows: the catalog by cluster, the newest listings and a shelf of local products.</summary>
public sealed class HomePage(StorefrontReads reads, TimeProvider clock)
{
    public const int ShelfSize = 12;

    public async Task<HomePageContent> ReadAsync(CancellationToken cancellationToken)
    {
        var db = await reads.ContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var acting = db.ClusterBlocksActingAt(now);
        // Clusters with their leaves in one statement: every round trip waits for the database's turn on a busy machine.
        var shelves = await db.Clusters.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new ClusterShelf(
                c.Id,
                c.Code,
                c.NameId,
                c.NameEn,
                acting.Any(b => b.ClusterId == c.Id),
                db.Categories.Where(l => l.ClusterId == c.Id && !l.IsRetired)
                    .OrderBy(l => l.NameId)
                    .Select(l => new CategoryLink(l.Slug, l.NameId, l.NameEn))
                    .ToList()))
            .ToListAsync(cancellationToken);

        var top = await db.Categories.AsNoTracking()
            .Where(c => c.ParentId == null && !c.IsRetired)
            .OrderBy(c => c.Id)
            .Select(c => new CategoryLink(c.Slug, c.NameId, c.NameEn))
            .ToListAsync(cancellationToken);

        var newest = await db.VisibleListingsAt(now)
            .OrderByDescending(v => v.Listing.PublishedAt).ThenByDescending(v => v.Listing.Id)
            .Select(ListingCard.FromVisible)
            .TakeLiteral(ShelfSize)
            .ToListAsync(cancellationToken);
        // Certified local content only, highest first: read backwards along ix_listings_live_tkdn, stopping after one shelf.
        var local = await db.VisibleListingsAt(now)
            .Where(PlacedListings.Local).Where(v => v.Listing.TkdnPercent != null)
            .OrderByDescending(v => v.Listing.TkdnPercent).ThenByDescending(v => v.Listing.Id)
            .Select(ListingCard.FromVisible)
            .TakeLiteral(ShelfSize)
            .ToListAsync(cancellationToken);

        return new HomePageContent(shelves, newest, local) { TopCategories = top };
    }
}

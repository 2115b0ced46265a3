using System.Globalization;
using Marketplace.Domain.Audit;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Reviews;

public sealed record ModeratedReview(
    long Id, long ListingId, string ListingTitle, string ReviewerName, int Rating, string Text, string? ImageName, DateTimeOffset CreatedAt, bool IsHidden);

/// <summary>Admins hide reviews that break the rules and show them again; each change is in the audit trail and in the listing's average at once.</summary>
public sealed class ReviewModeration(MarketplaceDbContext db, AdminActionLog log, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>The newest reviews, or only the hidden ones.</summary>
    public async Task<IReadOnlyList<ModeratedReview>> NewestAsync(bool hiddenOnly, CancellationToken cancellationToken) =>
        await (from r in db.ProductReviews.AsNoTracking()
               join l in db.Listings on r.ListingId equals l.Id
               where !hiddenOnly || r.IsHidden
               orderby r.CreatedAt descending, r.Id descending
               select new ModeratedReview(r.Id, r.ListingId, l.Title, r.ReviewerName, r.Rating, r.Text, r.ImageName, r.CreatedAt, r.IsHidden))
            .Take(PageSize)
            .ToListAsync(cancellationToken);

    /// <returns>False when there is no such review; true when it is now as asked (also when it already was).</returns>
    public async Task<bool> SetHiddenAsync(AdminActor actor, long reviewId, bool hidden, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var review = await db.ProductReviews.FromSql($"SELECT * FROM product_reviews WHERE id = {reviewId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (review is null)
        {
            return false;
        }

        if (!review.SetHidden(hidden, clock.GetUtcNow()))
        {
            return true;
        }

        await db.SaveChangesAsync(cancellationToken);
        await ProductReviews.RatingsChangeAsync(db, review.ListingId, review.Rating, hidden ? -1 : 1, cancellationToken);
        await log.RecordAsync(
            actor,
            hidden ? AdminActionKind.ReviewHidden : AdminActionKind.ReviewShown,
            new AdminTarget(ListingId: review.ListingId),
            null,
            string.Create(CultureInfo.InvariantCulture, $"review={review.Id}; rating={review.Rating}"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

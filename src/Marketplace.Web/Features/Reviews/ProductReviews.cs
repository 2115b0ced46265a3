using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Reviews;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Sellers.Images;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Web.Features.Reviews;

/// <summary>The line a shopper is about to review, as the form shows it.</summary>
public sealed record ReviewTarget(long LineId, string OrderNumber, long ListingId, string Title, OrderLineStatus Status, bool AlreadyReviewed)
{
    public bool CanReview => Status == OrderLineStatus.Delivered && !AlreadyReviewed;
}

/// <summary>A review as the product page shows it.</summary>
public sealed record ReviewShown(string ReviewerName, int Rating, string Text, string? ImageName, DateTimeOffset CreatedAt);

/// <summary>What writing a review did: saved, or refused with the reason as a resource key.</summary>
public sealed record ReviewWriteResult(string? ProblemKey)
{
    public static readonly ReviewWriteResult Saved = new(ProblemKey: null);

    public bool Succeeded => ProblemKey is null;
}

/// <summary>
/// Reviews by verified buyers: a shopper reviews a line of their own order once it was delivered, once per line. The
/// listing's count and sum of stars change in the transaction that adds the review, so cards read two columns.
/// </summary>
public sealed class ProductReviews(MarketplaceDbContext db, ImageStore images, TimeProvider clock)
{
    public const int ShownOnProductPage = 10;

    /// <summary>The shopper's own order line; null for a line of another shopper or none at all.</summary>
    public Task<ReviewTarget?> TargetAsync(string userId, long lineId, CancellationToken cancellationToken) =>
        (from line in db.OrderLines.AsNoTracking()
         join order in db.Orders on line.OrderId equals order.Id
         where line.Id == lineId && order.ShopperUserId == userId
         select new ReviewTarget(line.Id, order.Number, line.ListingId, line.Title, line.Status, db.ProductReviews.Any(r => r.OrderLineId == line.Id)))
        .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Newest shown reviews of a listing.</summary>
    public async Task<IReadOnlyList<ReviewShown>> ShownAsync(long listingId, CancellationToken cancellationToken) =>
        await db.ProductReviews.AsNoTracking()
            .Where(r => r.ListingId == listingId && !r.IsHidden)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .TakeLiteral(ShownOnProductPage)
            .Select(r => new ReviewShown(r.ReviewerName, r.Rating, r.Text, r.ImageName, r.CreatedAt))
            .ToListAsync(cancellationToken);

    /// <returns>Null when the line is not one of the shopper's own.</returns>
    public async Task<ReviewWriteResult?> WriteAsync(string userId, long lineId, int rating, string? text, IFormFile? photo, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(userId, lineId, cancellationToken);
        if (target is null)
        {
            return null;
        }

        if (target.Status != OrderLineStatus.Delivered)
        {
            return new ReviewWriteResult("Review.Problem.NotDelivered");
        }

        if (target.AlreadyReviewed)
        {
            return new ReviewWriteResult("Review.Problem.AlreadyReviewed");
        }

        StoredImage? image = null;
        if (photo is { Length: > 0 })
        {
            var upload = await images.SaveAsync(photo, shopId: null, cancellationToken);
            if (upload.Image is null)
            {
                return new ReviewWriteResult(upload.ProblemKey);
            }

            image = upload.Image;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ShopperUserId == userId && o.Lines.Any(l => l.Id == lineId), cancellationToken);
        ProductReview review;
        try
        {
            review = new ProductReview(order, order.Lines.Single(l => l.Id == lineId), userId, rating, text, image?.Name, clock.GetUtcNow());
        }
        catch (DomainException refused)
        {
            return new ReviewWriteResult(ProblemKey(refused.Code));
        }

        db.ProductReviews.Add(review);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same line reviewed twice at once (a double click): the first one stands.
            db.ChangeTracker.Clear();
            return new ReviewWriteResult("Review.Problem.AlreadyReviewed");
        }

        await RatingsChangeAsync(db, review.ListingId, review.Rating, 1, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReviewWriteResult.Saved;
    }

    /// <summary>Adds (or with <paramref name="sign"/> -1 takes away) one review's stars on its listing's row.</summary>
    internal static Task RatingsChangeAsync(MarketplaceDbContext db, long listingId, int rating, int sign, CancellationToken cancellationToken) =>
        db.Listings.Where(l => l.Id == listingId).ExecuteUpdateAsync(
            s => s.SetProperty(l => l.RatingCount, l => l.RatingCount + sign).SetProperty(l => l.RatingSum, l => l.RatingSum + (sign * rating)),
            cancellationToken);

    private static string ProblemKey(string code) => code switch
    {
        "review.not_delivered" => "Review.Problem.NotDelivered",
        "review.rating_invalid" => "Review.Problem.Rating",
        "review.text_too_long" => "Review.Problem.TextTooLong",
        _ => "Review.Problem.Other",
    };
}

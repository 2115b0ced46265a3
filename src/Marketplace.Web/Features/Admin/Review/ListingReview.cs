using Marketplace.Domain.Audit;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Common;
using Marketplace.Web.Features.Enforcement;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Admin.Review;

/// <summary>A listing waiting for an admin, with the words that made the policy hold it.</summary>
public sealed record WaitingListing(
    long Id, string Title, string Description, long PriceIdr, int SellerId, string SellerName, string SellerCountry,
    string CategoryNameId, string CategoryNameEn, string ClusterCode, DateTimeOffset WaitingSince, IReadOnlyList<string> FlaggedTerms)
{
    /// <summary>The listing's first photo, for the review card; null when it has none.</summary>
    public string? ImageName { get; init; }

    /// <summary>When the listing waits because of a re-used photo: its photo and the refused listing's, shown side by side.</summary>
    public BannedPhotoMatch? ReusedPhoto { get; init; }

    /// <summary>Why the policy holds it, as reason codes (shown in plain words, never as codes).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}

public sealed record ReviewPage(IReadOnlyList<WaitingListing> Listings, int Waiting);

/// <summary>How many listings wait for review for one reason (a listing held for two counts under both).</summary>
public sealed record ReviewReasonCount(string Reason, int Listings);

/// <summary>A listing this admin approved or rejected a moment ago, with where it stands now and until when the admin may take the decision back.</summary>
public sealed record RecentReview(
    long ListingId, string Title, string? ImageName, int SellerId, string SellerName, AdminActionKind Kind, ListingState State, DateTimeOffset DecidedAt, DateTimeOffset UndoUntil);

/// <summary>What an undo did: the listing's state after the policy decided it again, or why there was nothing to undo.</summary>
public sealed record UndoOutcome(long ListingId, ListingState? State, string? ProblemKey);

/// <summary>What a bulk review did: how many listings went each way, and how many had already left the queue.</summary>
public sealed record ReviewOutcome(int Published, int StillWaiting, int Blocked, int Rejected, int Skipped);

/// <summary>
/// The review queue: listings the policy held as NeedsReview, oldest first. Approving publishes through the policy
/// (which may still block), rejecting puts the admin's note before the seller; every step is recorded as an admin action.
/// </summary>
public sealed class ListingReview(
    MarketplaceDbContext db, ListingPublication publication, AdminActionLog actions, StrikeLedger strikes, PhotoMatches photoMatches, TimeProvider clock, IConfiguration configuration)
{
    public const int PageSize = 50;

    /// <summary>The reasons the policy holds a listing for review, as the queue's filter lists them.</summary>
    public static readonly IReadOnlyList<string> ReviewReasons =
        [ReasonCodes.SuspectedMisclassification, ReasonCodes.PhotoMatchesBannedListing, ReasonCodes.UnverifiedLocalOrigin];

    /// <summary>How long an admin may take back an approval or a rejection ("Urungkan"); a setting, five minutes unless set.</summary>
    public TimeSpan UndoWindow => TimeSpan.FromSeconds(configuration.GetValue("Review:UndoSeconds", 300));

    /// <summary>The listings this admin approved or rejected within the undo window that nothing has moved since, newest first.</summary>
    public async Task<IReadOnlyList<RecentReview>> RecentlyDecidedAsync(AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var since = clock.GetUtcNow() - UndoWindow;
        var rows = await (
            from a in db.AdminActions.AsNoTracking()
            join l in db.Listings on a.ListingId equals l.Id
            join s in db.Sellers on l.SellerId equals s.Id
            where a.ActorUserId == actor.UserId && a.At >= since && (a.Kind == AdminActionKind.ListingApproved || a.Kind == AdminActionKind.ListingRejected)
            orderby a.Id descending
            select new
            {
                Action = a,
                l.Title,
                Image = l.Images.OrderBy(i => i.Position).Select(i => i.StoredName).FirstOrDefault(),
                SellerId = s.Id,
                s.StoreName,
                l.State,
            })
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        var undoable = new List<RecentReview>();
        foreach (var row in rows.DistinctBy(r => r.Action.ListingId))
        {
            if (await UndoProblemAsync(row.Action.ListingId!.Value, actor, cancellationToken) is null)
            {
                undoable.Add(new RecentReview(
                    row.Action.ListingId!.Value, row.Title, row.Image, row.SellerId, row.StoreName, row.Action.Kind, row.State, row.Action.At, row.Action.At + UndoWindow));
            }
        }

        return undoable;
    }

    /// <summary>
    /// Takes back this admin's approval or rejection of a listing within the undo window, as a policy decision: the
    /// listing is decided again with the approval's waiver withdrawn (so it normally waits for review again), a strike the
    /// rejection earned is voided, and the undo is recorded as an admin action. Refused once the window has passed, when
    /// another admin decided, or when anything moved the listing since.
    /// </summary>
    public async Task<UndoOutcome> UndoAsync(long listingId, AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            return await PolicyTransaction.RunAsync(db, async ct =>
            {
                // The review's own audit row is locked (outside the policy's lock order, which never takes it), so a second
                // undo of the same review waits, then finds it undone.
                var review = await LastReviewAsync(listingId, ct);
                if (review is not null)
                {
                    await db.Database.ExecuteSqlAsync($"SELECT 1 FROM admin_actions WHERE id = {review.Id} FOR UPDATE", ct);
                }

                if (await UndoProblemAsync(listingId, actor, ct) is { } problem)
                {
                    return new UndoOutcome(listingId, null, problem);
                }

                var decided = await publication.UndoReviewAsync(listingId, actor.Email, ct);
                var strike = review!.Kind == AdminActionKind.ListingRejected
                    ? await db.Strikes.Where(s => s.ListingId == listingId && s.Source == StrikeSource.ConfirmedMisclassification && s.VoidedAt == null && s.IssuedAt >= review.At.AddSeconds(-1))
                        .Select(s => (long?)s.Id).FirstOrDefaultAsync(ct)
                    : null;
                if (strike is { } strikeId)
                {
                    await strikes.VoidAsync(strikeId, "Penolakan diurungkan admin · Rejection undone by an admin", actor, ct);
                }

                await actions.RecordAsync(
                    actor, AdminActionKind.ListingReviewUndone, new AdminTarget(SellerId: await SellerOfAsync(listingId, ct), ListingId: listingId), null,
                    $"undone={review.Kind}; state={decided.State}", ct);
                return new UndoOutcome(listingId, decided.State, null);
            },
            cancellationToken);
        }
        catch (DomainException e) when (e.Code is "listing.transition_forbidden" or "listing.not_found" or PublicationReadiness.PhotoRequiredCode)
        {
            db.ChangeTracker.Clear();
            return new UndoOutcome(listingId, null, "Admin.Review.UndoGone");
        }
    }

    /// <summary>Why this admin cannot undo their last review of the listing now, as a resource key; null when they can.</summary>
    private async Task<string?> UndoProblemAsync(long listingId, AdminActor actor, CancellationToken ct)
    {
        var review = await LastReviewAsync(listingId, ct);
        if (review is null || review.Kind == AdminActionKind.ListingReviewUndone || review.ActorUserId != actor.UserId)
        {
            return "Admin.Review.UndoGone";
        }

        if (clock.GetUtcNow() - review.At > UndoWindow)
        {
            return "Admin.Review.UndoExpired";
        }

        // Nothing moved the listing since the review: no later decision (a rule change, the seller's resubmission) and no edit.
        var movedSince = await db.PolicyDecisions.AnyAsync(d => d.ListingId == listingId && d.DecidedAt > review.At, ct)
            || await db.Listings.AnyAsync(l => l.Id == listingId && l.UpdatedAt > review.At, ct);
        return movedSince ? "Admin.Review.UndoGone" : null;
    }

    private Task<AdminAction?> LastReviewAsync(long listingId, CancellationToken ct) =>
        db.AdminActions.AsNoTracking()
            .Where(a => a.ListingId == listingId
                && (a.Kind == AdminActionKind.ListingApproved || a.Kind == AdminActionKind.ListingRejected || a.Kind == AdminActionKind.ListingReviewUndone))
            .OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>How many listings wait for each reason of <see cref="ReviewReasons"/>, none left out, for the queue's filter.</summary>
    public async Task<IReadOnlyList<ReviewReasonCount>> ReasonCountsAsync(CancellationToken cancellationToken)
    {
        var counts = new List<ReviewReasonCount>(ReviewReasons.Count);
        foreach (var reason in ReviewReasons)
        {
            counts.Add(new ReviewReasonCount(reason, await Waiting(reason).CountAsync(cancellationToken)));
        }

        return counts;
    }

    /// <summary>The oldest listings waiting for review, only those held for <paramref name="reason"/> when one of <see cref="ReviewReasons"/> is given.</summary>
    public async Task<ReviewPage> WaitingAsync(string? reason, CancellationToken cancellationToken)
    {
        var waiting = await Waiting(reason).CountAsync(cancellationToken);
        var rows = await (
            from l in Waiting(reason).AsNoTracking()
            join s in db.Sellers on l.SellerId equals s.Id
            join c in db.Categories on l.CategoryId equals c.Id
            join k in db.Clusters on c.ClusterId equals k.Id
            orderby l.StateChangedAt, l.Id
            select new
            {
                l.Id,
                l.Title,
                l.Description,
                l.Price,
                s.StoreName,
                SellerId = s.Id,
                s.CountryCode,
                c.NameId,
                c.NameEn,
                k.Code,
                l.StateChangedAt,
                Image = l.Images.OrderBy(i => i.Position).Select(i => i.StoredName).FirstOrDefault(),
                ReusedPhoto = l.ReasonCodes.Contains(ReasonCodes.PhotoMatchesBannedListing),
                l.ReasonCodes,
            })
            .Take(PageSize)
            .ToListAsync(cancellationToken);

        // The matched photo is found again as the policy found it, so the card shows what holds the listing now.
        var reused = await photoMatches.BannedMatchesAsync(rows.Where(r => r.ReusedPhoto).Select(r => r.Id).ToList(), cancellationToken);

        // The words are found again with the lexicons of the clusters closed now, folded exactly as the policy folds them,
        // for the listings the words hold: a batik shop waiting for its origin has no flagged word to show.
        var policy = await PolicyRules.LoadAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var lexicons = policy.Rules.Lexicons.Where(l => policy.Rules.IsBlocked(l.Cluster.Id, now)).ToList();
        var listings = rows.Select(r => new WaitingListing(
                r.Id, r.Title, r.Description, r.Price.Amount, r.SellerId, r.StoreName, r.CountryCode, r.NameId, r.NameEn, r.Code, r.StateChangedAt,
                r.ReasonCodes.Contains(ReasonCodes.SuspectedMisclassification) ? lexicons.SelectMany(l => l.Matches(r.Title + "\n" + r.Description)).Distinct().ToList() : [])
        { ImageName = r.Image, ReusedPhoto = reused.GetValueOrDefault(r.Id), Reasons = r.ReasonCodes.Where(ReviewReasons.Contains).Distinct().ToList() })
            .ToList();
        return new ReviewPage(listings, waiting);
    }

    private IQueryable<Listing> Waiting(string? reason) =>
        reason is not null && ReviewReasons.Contains(reason)
            ? db.Listings.Where(l => l.State == ListingState.PendingReview && l.ReasonCodes.Contains(reason))
            : db.Listings.Where(l => l.State == ListingState.PendingReview);

    public async Task<ReviewOutcome> ApproveAsync(IReadOnlyCollection<long> listingIds, AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listingIds);
        var outcome = new ReviewOutcome(0, 0, 0, 0, 0);
        foreach (var id in listingIds.Distinct())
        {
            try
            {
                var result = await PolicyTransaction.RunAsync(db, async ct =>
                {
                    var published = await publication.ApproveReviewAsync(id, actor.Email, ct);
                    await actions.RecordAsync(
                        actor, AdminActionKind.ListingApproved, new AdminTarget(SellerId: await SellerOfAsync(id, ct), ListingId: id), null, $"state={published.State}", ct);
                    return published;
                },
                cancellationToken);
                outcome = result.State switch
                {
                    ListingState.Published => outcome with { Published = outcome.Published + 1 },
                    ListingState.PendingReview => outcome with { StillWaiting = outcome.StillWaiting + 1 },
                    _ => outcome with { Blocked = outcome.Blocked + 1 },
                };
            }
            catch (DomainException e) when (e.Code is "listing.transition_forbidden" or "listing.not_found" or PublicationReadiness.PhotoRequiredCode)
            {
                // Another admin or the seller moved it out of the queue meanwhile, or took its last photo away.
                db.ChangeTracker.Clear();
                outcome = outcome with { Skipped = outcome.Skipped + 1 };
            }
        }

        return outcome;
    }

    /// <summary>
    /// Rejects waiting listings with a note the seller reads; not a policy decision, so no decision row, but an admin action.
    /// Rejecting a listing held as possibly misclassified confirms it, and the shop earns a strike.
    /// </summary>
    public async Task<ReviewOutcome> RejectAsync(IReadOnlyCollection<long> listingIds, string note, AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listingIds);
        var outcome = new ReviewOutcome(0, 0, 0, 0, 0);
        var struck = new HashSet<int>();
        foreach (var id in listingIds.Distinct())
        {
            var rejected = await PolicyTransaction.RunAsync(db, async ct =>
            {
                var listing = await db.Listings.SingleOrDefaultAsync(l => l.Id == id, ct);
                if (listing is null || listing.State != ListingState.PendingReview)
                {
                    return false;
                }

                var now = clock.GetUtcNow();
                if (StrikeRules.RejectionEarns([.. listing.ReasonCodes]))
                {
                    var cluster = await db.Categories.Where(c => c.Id == listing.CategoryId).Select(c => c.ClusterId).SingleAsync(ct);
                    strikes.IssueForRejection(listing.SellerId, listing.Id, cluster, listing.Title, now);
                    struck.Add(listing.SellerId);
                }

                listing.RejectByAdmin(note, now);
                await actions.RecordAsync(actor, AdminActionKind.ListingRejected, new AdminTarget(SellerId: listing.SellerId, ListingId: id), note, null, ct);
                return true;
            },
            cancellationToken);
            db.ChangeTracker.Clear();
            outcome = rejected ? outcome with { Rejected = outcome.Rejected + 1 } : outcome with { Skipped = outcome.Skipped + 1 };
        }

        await strikes.SuspendStruckOutAsync(struck, cancellationToken);
        return outcome;
    }

    private Task<int> SellerOfAsync(long listingId, CancellationToken cancellationToken) =>
        db.Listings.Where(l => l.Id == listingId).Select(l => l.SellerId).SingleAsync(cancellationToken);
}

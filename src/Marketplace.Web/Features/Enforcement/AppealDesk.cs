using Marketplace.Domain.Audit;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Admin.Sellers;
using Marketplace.Web.Features.Admin.Verification;
using Marketplace.Web.Features.Common;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Sellers.Shop;
using Marketplace.Web.Features.Sellers.Verification;
using Marketplace.Web.Features.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Web.Features.Enforcement;

/// <summary>Something the shop may appeal now: a listing kept off the shop, an active strike, or the shop's suspension.</summary>
public sealed record AppealOption(AppealSubject Subject, long SubjectId, long? ListingId, string? Title)
{
    /// <summary>The value a form posts, such as <c>Strike:12</c>.</summary>
    public string Key => $"{Subject}:{SubjectId}";
}

/// <summary>What the seller writes: which subject, and why the decision is wrong.</summary>
public sealed class AppealForm
{
    public string? Subject { get; set; }

    public string? Statement { get; set; }
}

/// <summary>An appeal as its seller and the admins read it.</summary>
public sealed record AppealView(
    long Id, int SellerId, string StoreName, AppealSubject Subject, long SubjectId, long? ListingId, string? ListingTitle, string Statement,
    DateTimeOffset SubmittedAt, DateTimeOffset DueAt, AppealStatus Status, DateTimeOffset? DecidedAt, string? DecisionNote, bool Overdue,
    IReadOnlyList<DocumentLink> Documents);

/// <summary>
/// Appeals: a seller appeals a rejection, a take-down, a review hold, an unverified origin, a strike or the shop's
/// suspension with a statement and evidence files; admins answer the oldest first before a due time counted in WIB
/// working days. A granted appeal acts through the policy: the listing is decided again with the keyword rule waived,
/// the strike voided, the origin verified or the shop reinstated. Every step is in the audit trail.
/// </summary>
public sealed class AppealDesk(
    MarketplaceDbContext db,
    EvidenceStore store,
    ListingPublication publication,
    StrikeLedger strikes,
    SellerConsole sellers,
    OriginVerifications verifications,
    AdminActionLog actions,
    IOptions<EnforcementOptions> options,
    TimeProvider clock)
{
    public const int QueueSize = 100;

    /// <summary>What the shop may appeal now, with nothing that already has an open appeal.</summary>
    public async Task<IReadOnlyList<AppealOption>> OptionsAsync(int sellerId, CancellationToken cancellationToken)
    {
        var open = (await db.Appeals.AsNoTracking().Where(a => a.SellerId == sellerId && a.Status == AppealStatus.Open)
            .Select(a => new { a.Subject, a.SubjectId }).ToListAsync(cancellationToken))
            .Select(a => (a.Subject, a.SubjectId)).ToHashSet();
        var listings = await db.Listings.AsNoTracking()
            .Where(l => l.SellerId == sellerId && (l.State == ListingState.Rejected || l.State == ListingState.Suspended || l.State == ListingState.PendingReview))
            .OrderByDescending(l => l.StateChangedAt).ThenByDescending(l => l.Id)
            .Select(l => new { l.Id, l.Title, l.State, l.ReasonCodes })
            .Take(200)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var active = await (
            from s in db.Strikes.AsNoTracking()
            join l in db.Listings on s.ListingId equals l.Id
            where s.SellerId == sellerId && s.VoidedAt == null && s.ExpiresAt > now
            orderby s.IssuedAt descending
            select new AppealOption(AppealSubject.Strike, s.Id, s.ListingId, l.Title))
            .ToListAsync(cancellationToken);
        var suspended = await db.Sellers.AnyAsync(s => s.Id == sellerId && s.Status == SellerStatus.Suspended, cancellationToken);

        var options = new List<AppealOption>();
        if (suspended)
        {
            options.Add(new AppealOption(AppealSubject.ShopSuspension, sellerId, null, null));
        }

        options.AddRange(listings
            .Select(l => Appeal.SubjectFor(l.State, [.. l.ReasonCodes]) is { } subject ? new AppealOption(subject, l.Id, l.Id, l.Title) : null)
            .OfType<AppealOption>());
        options.AddRange(active);
        return options.Where(o => !open.Contains((o.Subject, o.SubjectId))).ToList();
    }

    public async Task<IReadOnlyList<FieldProblem>> SubmitAsync(
        int sellerId, string userId, string actor, AppealForm form, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(files);
        var option = (await OptionsAsync(sellerId, cancellationToken)).FirstOrDefault(o => o.Key == form.Subject);
        if (option is null)
        {
            return [new FieldProblem(nameof(AppealForm.Subject), "Appeal.Problem.Subject")];
        }

        var now = clock.GetUtcNow();
        Appeal appeal;
        try
        {
            appeal = new Appeal(sellerId, option.Subject, option.SubjectId, option.ListingId, form.Statement ?? string.Empty, now, DueAt(now));
        }
        catch (DomainException e)
        {
            return [new FieldProblem(nameof(AppealForm.Statement), ProblemText.KeyOf(e))];
        }

        if (files.Count > Appeal.MaxDocuments)
        {
            return [new FieldProblem("Documents", "Appeal.Problem.FileCount")];
        }

        var problems = new List<FieldProblem>();
        foreach (var file in files)
        {
            var saved = await store.SaveAsync(file, cancellationToken);
            if (saved.ProblemKey is null)
            {
                appeal.AddDocument(saved.StoredName!, saved.ContentType!, saved.FileName, saved.Bytes);
            }
            else
            {
                problems.Add(new FieldProblem("Documents", saved.ProblemKey));
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        try
        {
            db.Appeals.Add(appeal);
            db.AdminActions.Add(new AdminAction(
                AdminActionKind.AppealSubmitted, userId, actor, new AdminTarget(SellerId: sellerId, ListingId: option.ListingId), null,
                $"subject={option.Subject}:{option.SubjectId}; files={appeal.Documents.Count}", now));
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same subject was appealed a moment ago, from another tab or device.
            return [new FieldProblem(nameof(AppealForm.Subject), "Appeal.Problem.AlreadyOpen")];
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The due time of an appeal submitted at <paramref name="submittedAt"/>: the set number of working days on the WIB calendar.</summary>
    public DateTimeOffset DueAt(DateTimeOffset submittedAt) => WorkingDays.Add(submittedAt, options.Value.AppealWorkingDays, Wib.Offset);

    /// <summary>The shop's appeals, newest first.</summary>
    public Task<IReadOnlyList<AppealView>> OfSellerAsync(int sellerId, CancellationToken cancellationToken) =>
        ViewsAsync(db.Appeals.Where(a => a.SellerId == sellerId).OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id).Take(QueueSize), cancellationToken);

    /// <summary>The admins' queue: open appeals, oldest first, overdue ones marked.</summary>
    public Task<IReadOnlyList<AppealView>> QueueAsync(CancellationToken cancellationToken) =>
        ViewsAsync(db.Appeals.Where(a => a.Status == AppealStatus.Open).OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Take(QueueSize), cancellationToken);

    public async Task<AppealView?> FindAsync(long appealId, int? sellerId, CancellationToken cancellationToken) =>
        (await ViewsAsync(db.Appeals.Where(a => a.Id == appealId && (sellerId == null || a.SellerId == sellerId)), cancellationToken)).SingleOrDefault();

    /// <summary>An evidence file of the shop's appeals (any shop's for an admin, <paramref name="sellerId"/> null); another shop's is simply not found.</summary>
    public async Task<(string Path, string ContentType, string FileName)?> DocumentAsync(int? sellerId, string storedName, CancellationToken cancellationToken)
    {
        var document = await (from a in db.Appeals.AsNoTracking()
                              from d in a.Documents
                              where d.StoredName == storedName && (sellerId == null || a.SellerId == sellerId)
                              select new { d.ContentType, d.FileName })
            .SingleOrDefaultAsync(cancellationToken);
        return document is not null && store.PathOf(storedName) is { } path ? (path, document.ContentType, document.FileName) : null;
    }

    /// <summary>The decision stands; the seller reads the admin's note.</summary>
    public Task UpholdAsync(long appealId, string note, AdminActor actor, CancellationToken cancellationToken) =>
        DecideAsync(appealId, note, actor, grant: false, cancellationToken);

    /// <summary>The seller was right: the subject is put right through the policy, and the seller reads the admin's note.</summary>
    public Task GrantAsync(long appealId, string note, AdminActor actor, CancellationToken cancellationToken) =>
        DecideAsync(appealId, note, actor, grant: true, cancellationToken);

    private Task<bool> DecideAsync(long appealId, string note, AdminActor actor, bool grant, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var appeal = await db.Appeals.FromSql($"SELECT * FROM appeals WHERE id = {appealId} FOR UPDATE").SingleOrDefaultAsync(ct)
                ?? throw new DomainException("appeal.not_found", "There is no such appeal.");
            var now = clock.GetUtcNow();
            if (grant)
            {
                appeal.Grant(note, actor.Email, now);
                await PutRightAsync(appeal, actor, ct);
            }
            else
            {
                appeal.Uphold(note, actor.Email, now);
            }

            var (id, en) = grant
                ? ("Banding Anda dikabulkan.", "Your appeal was granted.")
                : ("Banding Anda ditolak; keputusan tetap berlaku.", "Your appeal was not granted; the decision stands.");
            db.SellerNotifications.Add(new SellerNotification(
                appeal.SellerId, SellerNotificationKind.AppealDecided, null, 1, $"{id} Catatan admin: {appeal.DecisionNote}", $"{en} The admin's note: {appeal.DecisionNote}", now));
            await actions.RecordAsync(
                actor, grant ? AdminActionKind.AppealGranted : AdminActionKind.AppealUpheld, new AdminTarget(SellerId: appeal.SellerId, ListingId: appeal.ListingId),
                appeal.DecisionNote, $"appeal={appeal.Id}; subject={appeal.Subject}:{appeal.SubjectId}", ct);
            return true;
        },
        cancellationToken);

    /// <summary>What granting changes, each through the path an admin would take by hand, in the appeal's transaction.</summary>
    private async Task PutRightAsync(Appeal appeal, AdminActor actor, CancellationToken ct)
    {
        switch (appeal.Subject)
        {
            case AppealSubject.ListingSuspension when await IsTakenDownByAdminAsync(appeal.ListingId!.Value, ct):
                // A takedown is an admin's act, not a rule's: granting lifts it, and the rules decide the listing again.
                await publication.LiftTakedownAsync([appeal.ListingId!.Value], actor.Email, ct);
                break;
            case AppealSubject.ListingRejection or AppealSubject.ListingSuspension or AppealSubject.ReviewHold:
                await publication.GrantAppealAsync(appeal.ListingId!.Value, actor.Email, ct);
                await VoidStrikesOfListingAsync(appeal, actor, ct);
                break;
            case AppealSubject.UnverifiedOrigin:
                var evidence = await sellers.WaitingEvidenceAsync(appeal.SellerId, ct)
                    ?? throw new DomainException("appeal.origin_needs_evidence", "The shop has sent no evidence of local status to verify.");
                await verifications.VerifyAsync(evidence, actor, ct);
                break;
            case AppealSubject.Strike:
                await strikes.VoidAsync(appeal.SubjectId, appeal.DecisionNote!, actor, ct);
                break;
            case AppealSubject.ShopSuspension:
                await sellers.ReinstateAsync(appeal.SellerId, appeal.DecisionNote!, actor, ct);
                break;
            default:
                throw new DomainException("appeal.subject_unknown", $"No remedy for {appeal.Subject}.");
        }
    }

    private Task<bool> IsTakenDownByAdminAsync(long listingId, CancellationToken ct) =>
        db.PlacedListings.Where(PlacedListings.TakenDownByAdmin).AnyAsync(p => p.Listing.Id == listingId, ct);

    private async Task VoidStrikesOfListingAsync(Appeal appeal, AdminActor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var active = await db.Strikes.Where(s => s.ListingId == appeal.ListingId && s.VoidedAt == null && s.ExpiresAt > now).Select(s => s.Id).ToListAsync(ct);
        foreach (var strike in active)
        {
            await strikes.VoidAsync(strike, appeal.DecisionNote!, actor, ct);
        }
    }

    private async Task<IReadOnlyList<AppealView>> ViewsAsync(IQueryable<Appeal> appeals, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await (
            from a in appeals.AsNoTracking()
            join s in db.Sellers on a.SellerId equals s.Id
            let title = db.Listings.Where(l => l.Id == a.ListingId).Select(l => l.Title).FirstOrDefault()
            select new { Appeal = a, s.StoreName, Title = title })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Appeal.Id).ToArray();
        var documents = (await db.Appeals.AsNoTracking().Where(a => ids.Contains(a.Id))
                .SelectMany(a => a.Documents.Select(d => new { AppealId = a.Id, d.StoredName, d.FileName }))
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.AppealId, d => new DocumentLink(d.StoredName, d.FileName));
        return rows.Select(r => new AppealView(
                r.Appeal.Id, r.Appeal.SellerId, r.StoreName, r.Appeal.Subject, r.Appeal.SubjectId, r.Appeal.ListingId, r.Title, r.Appeal.Statement,
                r.Appeal.SubmittedAt, r.Appeal.DueAt, r.Appeal.Status, r.Appeal.DecidedAt, r.Appeal.DecisionNote, r.Appeal.IsOverdueAt(now),
                [.. documents[r.Appeal.Id]]))
            .ToList();
    }
}

using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Enforcement;
using Marketplace.Web.Features.Photos;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Web.Features.Policy;

/// <summary>The outcome of one publication attempt, as the seller sees it.</summary>
public sealed record PublicationResult(long ListingId, ListingState State, PolicyVerdict Verdict);

/// <summary>
/// The outcome of an edit: the listing's state, and the verdict when the edit had to be decided. <see cref="Stale"/> when
/// the listing's content had moved past the version the writer read; then nothing was changed.
/// </summary>
public sealed record EditResult(long ListingId, ListingState State, PolicyVerdict? Verdict, bool Stale = false);

/// <summary>
/// The one enforcement point for making a listing visible. Publishing from the seller's form, editing a live listing,
/// a CSV import, the seller API and an admin's approval all come here: it locks what the decision reads, decides with
/// <see cref="ListingPolicy"/> under the rules in force now, records a <see cref="PolicyDecision"/> and moves the
/// listing, all in one transaction. A listing not ready to publish (<see cref="PublicationReadiness"/>) is checked
/// here, before the policy, and left as it is: one listing's attempt is refused with the reason, a batch leaves it out.
/// </summary>
public sealed class ListingPublication(MarketplaceDbContext db, TimeProvider clock, StrikeLedger strikes, PhotoMatches photoMatches)
{
    /// <summary>Listings among <c>@ids</c> an admin took down, locked: what lifting a takedown decides again.</summary>
    private static readonly string TakenDownByAdminForUpdate = $"""
        SELECT l.id AS "Value" FROM listings l
        WHERE l.id = ANY(@ids) AND {PlacedListingSql.TakenDownByAdmin}
        ORDER BY l.id
        FOR UPDATE
        """;

    /// <summary>Shops that earned strikes in this scope's decisions, checked for suspension once the decisions are written.</summary>
    private readonly HashSet<int> _struck = [];

    public async Task<PublicationResult> PublishAsync(long listingId, DecisionTrigger trigger, string actor, CancellationToken cancellationToken = default) =>
        (await PublishAsync([listingId], trigger, actor, cancellationToken)).SingleOrDefault() ?? throw PublicationReadiness.PhotoRequired();

    /// <summary>
    /// Publishes drafts, resubmits rejected listings, or re-decides live ones; refuses listings in other states. The
    /// results leave out the listings not ready to publish, which stay as they were.
    /// </summary>
    public Task<IReadOnlyList<PublicationResult>> PublishAsync(
        IReadOnlyCollection<long> listingIds, DecisionTrigger trigger, string actor, CancellationToken cancellationToken = default) =>
        ThenSuspendStruckOutAsync(PolicyTransaction.RunPublicationAsync(db, ct => DecideAsync(listingIds, trigger, actor, ct), cancellationToken), cancellationToken);

    /// <summary>
    /// A seller's edit, with the variants when they were sent. The content is saved; when the listing is live, waiting or
    /// taken down by the rules, the new content is decided before anyone sees it, and with <paramref name="publishAs"/> a
    /// draft or rejected listing is published, recorded with that trigger. Either way one action is one decision. Returns null when the listing is
    /// not the seller's. With <paramref name="expectedVersion"/>, the edit applies only over that content version,
    /// checked under the row's lock.
    /// </summary>
    public Task<EditResult?> EditAsync(
        long listingId, int sellerId, ListingContent content, DecisionTrigger trigger, string actor, int? expectedVersion = null,
        IReadOnlyList<VariantDraft>? variants = null, DecisionTrigger? publishAs = null, CancellationToken cancellationToken = default) =>
        ThenSuspendStruckOutAsync(PolicyTransaction.RunPublicationAsync(db, async ct =>
        {
            var before = await CurrentPlacementAsync([listingId], ct);
            if (!before.TryGetValue(listingId, out var placement) || placement.SellerId != sellerId)
            {
                return null;
            }

            var newCluster = await db.Categories.Where(c => c.Id == content.CategoryId && !c.IsRetired).Select(c => c.ClusterId).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("listing.category_not_leaf", "Listings belong in a leaf category that is not retired.");
            var locked = await LockAsync([placement, placement with { CategoryId = content.CategoryId, ClusterId = newCluster }], ct);

            var listing = await db.Listings.FromSql($"SELECT *, xmin FROM listings WHERE id = {listingId} FOR UPDATE").SingleAsync(ct);
            if (listing.CategoryId != placement.CategoryId)
            {
                throw new ConcurrentChangeException();
            }

            if (expectedVersion is { } expected && listing.Version != expected)
            {
                return new EditResult(listingId, listing.State, null, Stale: true);
            }

            var wasState = listing.State;
            var wasSuspendedBy = listing.SuspendedBy;
            var policyInputChanged = listing.Edit(content, clock.GetUtcNow());
            if (variants is not null)
            {
                await db.Entry(listing).Collection(l => l.Variants).LoadAsync(ct);
                policyInputChanged |= listing.SetVariants(variants, clock.GetUtcNow());
            }

            await db.SaveChangesAsync(ct);
            var publishTrigger = publishAs is { } asked && wasState is ListingState.Draft or ListingState.Rejected ? asked : (DecisionTrigger?)null;
            var publishing = publishTrigger is not null;
            var redecide = publishing
                || (policyInputChanged
                    && (wasState is ListingState.Published or ListingState.PendingReview
                        || PlacedListings.IsRuleChangeCandidate(wasState, wasSuspendedBy)));
            if (!redecide)
            {
                return new EditResult(listingId, listing.State, null);
            }

            var decided = (await DecideLockedAsync([listingId], locked, publishTrigger ?? trigger, actor, ct)).SingleOrDefault();
            if (decided is null && publishing)
            {
                throw PublicationReadiness.PhotoRequired();
            }

            return decided is null ? new EditResult(listingId, listing.State, null) : new EditResult(listingId, decided.State, decided.Verdict);
        },
        cancellationToken),
        cancellationToken);

    /// <summary>
    /// A new listing, saved as a draft or published in one transaction. The placement is locked before the row is written,
    /// in the order every policy path takes its locks, so a create racing a block waits instead of deadlocking with it.
    /// <paramref name="build"/> makes the listing afresh for each attempt of the transaction.
    /// </summary>
    /// <returns>The new listing's id, and the decision when it was published.</returns>
    public Task<(long ListingId, PublicationResult? Decided)> CreateAsync(
        Func<Listing> build, bool publish, DecisionTrigger trigger, string actor, CancellationToken cancellationToken = default) =>
        ThenSuspendStruckOutAsync(PolicyTransaction.RunPublicationAsync<(long, PublicationResult?)>(db, async ct =>
        {
            var listing = build();
            var clusterId = await db.Categories.Where(c => c.Id == listing.CategoryId && !c.IsRetired).Select(c => c.ClusterId).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("listing.category_not_leaf", "Listings belong in a leaf category that is not retired.");
            var locked = await LockAsync([new Placement(0, listing.SellerId, listing.CategoryId, clusterId)], ct);
            db.Listings.Add(listing);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (!publish)
            {
                return (listing.Id, null);
            }

            return (listing.Id, (await DecideLockedAsync([listing.Id], locked, trigger, actor, ct)).SingleOrDefault() ?? throw PublicationReadiness.PhotoRequired());
        },
        cancellationToken),
        cancellationToken);

    /// <summary>An admin found a listing waiting for review correctly classified: the keyword rule is waived and the listing decided again.</summary>
    public Task<PublicationResult> ApproveReviewAsync(long listingId, string actor, CancellationToken cancellationToken = default) =>
        WaiveAndDecideAsync(listingId, l => l.ClearMisclassification(), DecisionTrigger.AdminApproval, actor, cancellationToken);

    /// <summary>
    /// An admin granted the seller's appeal against a rejection, a hold or a take-down by the rules: the keyword rule is
    /// waived and the listing decided again; every other rule (a closed cluster, the minimum price) still applies.
    /// </summary>
    public Task<PublicationResult> GrantAppealAsync(long listingId, string actor, CancellationToken cancellationToken = default) =>
        WaiveAndDecideAsync(listingId, l => l.ClearMisclassificationOnAppeal(), DecisionTrigger.AppealGranted, actor, cancellationToken);

    /// <summary>
    /// An admin lifts a takedown (the regulator withdrew, or the seller's appeal was granted): each listing still taken
    /// down by an admin is decided again as a publication, so it goes live only if the rules allow it now; one never
    /// published goes back to draft. Listings no longer taken down by an admin are left as they are.
    /// </summary>
    public Task<IReadOnlyList<PublicationResult>> LiftTakedownAsync(IReadOnlyCollection<long> listingIds, string actor, CancellationToken cancellationToken = default) =>
        PolicyTransaction.RunAsync<IReadOnlyList<PublicationResult>>(db, async ct =>
        {
            if (listingIds.Count == 0)
            {
                return [];
            }

            var locked = await LockPlacementAsync(listingIds, ct);
            var ids = listingIds.Distinct().ToArray();
            var takenDown = await db.Database.SqlQueryRaw<long>(TakenDownByAdminForUpdate, new NpgsqlParameter("ids", ids)).ToListAsync(ct);
            return takenDown.Count == 0 ? [] : await DecideLockedAsync(takenDown, locked, DecisionTrigger.TakedownLifted, actor, ct);
        },
        cancellationToken);

    /// <summary>
    /// An admin took back an approval or a rejection of a held listing: the approval's waiver is withdrawn and the
    /// listing decided again, as any publication attempt is; the admin's rejection note goes when the state moves.
    /// </summary>
    public Task<PublicationResult> UndoReviewAsync(long listingId, string actor, CancellationToken cancellationToken = default) =>
        WaiveAndDecideAsync(listingId, l => l.ReopenReview(), DecisionTrigger.ReviewUndone, actor, cancellationToken);

    private Task<PublicationResult> WaiveAndDecideAsync(long listingId, Action<Listing> waive, DecisionTrigger trigger, string actor, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var locked = await LockPlacementAsync([listingId], ct);
            var listing = await db.Listings.FromSql($"SELECT *, xmin FROM listings WHERE id = {listingId} FOR UPDATE").SingleAsync(ct);
            waive(listing);
            await db.SaveChangesAsync(ct);
            return (await DecideLockedAsync([listingId], locked, trigger, actor, ct)).SingleOrDefault() ?? throw PublicationReadiness.PhotoRequired();
        },
        cancellationToken);

    private async Task<IReadOnlyList<PublicationResult>> DecideAsync(IReadOnlyCollection<long> listingIds, DecisionTrigger trigger, string actor, CancellationToken ct)
    {
        var locked = await LockPlacementAsync(listingIds, ct);
        return await DecideLockedAsync(listingIds, locked, trigger, actor, ct);
    }

    private async Task<LockedPlacement> LockPlacementAsync(IReadOnlyCollection<long> listingIds, CancellationToken ct)
    {
        var placement = await CurrentPlacementAsync(listingIds, ct);
        if (placement.Count != listingIds.Distinct().Count())
        {
            throw new DomainException("listing.not_found", "A listing to publish does not exist.");
        }

        return await LockAsync(placement.Values, ct);
    }

    /// <summary>Locks the clusters, categories and sellers the decisions read, in the order every policy path uses.</summary>
    private async Task<LockedPlacement> LockAsync(IReadOnlyCollection<Placement> placements, CancellationToken ct)
    {
        var locked = new LockedPlacement(
            placements.Select(p => p.ClusterId).ToHashSet(),
            placements.Select(p => p.CategoryId).ToHashSet(),
            placements.Select(p => p.SellerId).ToHashSet());
        await PolicyLocks.ShareClustersAsync(db, locked.Clusters, ct);
        await PolicyLocks.ShareCategoriesAsync(db, locked.Categories, ct);
        await PolicyLocks.ShareSellersAsync(db, locked.Sellers, ct);
        return locked;
    }

    private async Task<IReadOnlyList<PublicationResult>> DecideLockedAsync(
        IReadOnlyCollection<long> listingIds, LockedPlacement locked, DecisionTrigger trigger, string actor, CancellationToken ct)
    {
        var policy = await PolicyRules.LoadAsync(db, ct);
        var read = await ListingsUnderDecision.ReadForUpdateAsync(db, DecisionScope.Listings(listingIds), policy, photoMatches, ct);

        // Counted once the listings are locked, so the count is the one the decision is written against.
        var photos = await db.ListingImages.Where(i => listingIds.Contains(i.ListingId)).GroupBy(i => i.ListingId)
            .Select(g => new { ListingId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.ListingId, g => g.Count, ct);
        var facts = read.Where(f => PublicationReadiness.IsReady(photos.GetValueOrDefault(f.Id))).ToList();
        var now = clock.GetUtcNow();
        var decisions = new List<ListingDecision>(facts.Count);
        foreach (var fact in facts)
        {
            // A category moved or a listing changed hands between reading its placement and locking it: start again.
            if (!locked.Covers(fact))
            {
                throw new ConcurrentChangeException();
            }

            decisions.Add(ListingDecision.Of(fact, ListingPolicy.Decide(fact.Subject, policy.Rules, now), trigger, now));
        }

        await DecisionWriter.WriteAsync(db, decisions, trigger, actor, now, ct);
        var attempts = decisions.Select(d => new DecidedAttempt(d.Facts.Id, d.Facts.SellerId, d.Facts.ClusterId, d.Verdict)).ToList();
        _struck.UnionWith(await strikes.IssueForAttemptsAsync(attempts, trigger, now, ct));
        return decisions.Select(d => new PublicationResult(d.Facts.Id, d.NewState, d.Verdict)).ToList();
    }

    /// <summary>
    /// A shop whose strikes reached the setting is suspended after its decisions are written, in a transaction of its
    /// own that takes the locks in the order every policy path uses (inside a caller's transaction, in that one).
    /// </summary>
    private async Task<T> ThenSuspendStruckOutAsync<T>(Task<T> decided, CancellationToken cancellationToken)
    {
        var result = await decided;
        var struck = _struck.ToList();
        _struck.Clear();
        await strikes.SuspendStruckOutAsync(struck, cancellationToken);
        return result;
    }

    private async Task<Dictionary<long, Placement>> CurrentPlacementAsync(IReadOnlyCollection<long> listingIds, CancellationToken ct) =>
        await (from l in db.Listings
               join c in db.Categories on l.CategoryId equals c.Id
               where listingIds.Contains(l.Id)
               select new Placement(l.Id, l.SellerId, l.CategoryId, c.ClusterId ?? 0))
            .ToDictionaryAsync(p => p.ListingId, ct);

    private sealed record Placement(long ListingId, int SellerId, int CategoryId, int ClusterId);

    private sealed record LockedPlacement(HashSet<int> Clusters, HashSet<int> Categories, HashSet<int> Sellers)
    {
        public bool Covers(ListingUnderDecision fact) =>
            Clusters.Contains(fact.ClusterId) && Categories.Contains(fact.CategoryId) && Sellers.Contains(fact.SellerId);
    }
}

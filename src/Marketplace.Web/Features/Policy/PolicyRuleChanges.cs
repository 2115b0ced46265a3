using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Photos;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Web.Features.Policy;

/// <summary>What a rule change did to the listings it reached, with a few of the listings whose state changed.</summary>
public sealed record RedecisionSummary(int Decided, int Suspended, int Restored, int SentToReview, int SellersAffected, IReadOnlyList<long> Sample)
{
    public const int SampleSize = 10;

    public static readonly RedecisionSummary None = new(0, 0, 0, 0, 0, []);

    public RedecisionSummary Plus(RedecisionSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new RedecisionSummary(
            Decided + other.Decided,
            Suspended + other.Suspended,
            Restored + other.Restored,
            SentToReview + other.SentToReview,
            SellersAffected + other.SellersAffected,
            Sample.Concat(other.Sample).Take(SampleSize).ToList());
    }

    internal static RedecisionSummary Of(IReadOnlyList<ListingDecision> decisions)
    {
        var changed = decisions.Where(d => d.StateChanged).ToList();
        return new RedecisionSummary(
            decisions.Count,
            changed.Count(d => d.NewState == ListingState.Suspended),
            changed.Count(d => d.NewState == ListingState.Published),
            changed.Count(d => d.NewState == ListingState.PendingReview),
            changed.Select(d => d.Facts.SellerId).Distinct().Count(),
            changed.Take(SampleSize).Select(d => d.Facts.Id).ToList());
    }
}

/// <summary>
/// Changes to the inputs of the policy, each re-deciding the listings it reaches in the same transaction:
/// blocking and opening clusters (now or at a scheduled instant), moving a category to another cluster, and changing
/// a seller's origin or status. The listings are read and written set-based, a few statements whatever their number.
/// </summary>
public sealed class PolicyRuleChanges(MarketplaceDbContext db, TimeProvider clock, PhotoMatches photos)
{
    public const string SystemActor = "system";

    private bool _previewing;

    /// <summary>Closes a cluster to cross-border listings, now or from <paramref name="startsAt"/>; a block that starts now takes its live cross-border listings down at once.</summary>
    public Task<(ClusterBlock Block, RedecisionSummary Effect)> BlockClusterAsync(
        int clusterId, DateTimeOffset? startsAt, string reason, string actor, CancellationToken cancellationToken = default) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            // A closure re-screens listings in every open cluster too, so publishing everywhere waits for it.
            await LockAsync(() => PolicyLocks.UpdateAllClustersAsync(db, ct));
            var now = clock.GetUtcNow();
            var pending = await db.ClusterBlocks.AnyAsync(b => b.ClusterId == clusterId && b.LiftedAt == null, ct);
            if (pending)
            {
                throw new DomainException("block.already_blocked", "This cluster is already closed or scheduled to close; open it first.");
            }

            var block = new ClusterBlock(clusterId, startsAt ?? now, reason, actor, now);
            db.ClusterBlocks.Add(block);
            await BumpPolicyVersionAsync(actor, now, ct);
            await db.SaveChangesAsync(ct);

            var effect = RedecisionSummary.None;
            if (block.StartsAt <= now)
            {
                effect = await SweepAsync(block, DecisionTrigger.ClusterBlocked, actor, now, ct);
            }

            return (block, effect);
        },
        cancellationToken);

    /// <summary>Opens a cluster again (or cancels a scheduled closure); listings the closure took down come back when every rule allows them now.</summary>
    public Task<RedecisionSummary> OpenClusterAsync(int clusterId, string reason, string actor, CancellationToken cancellationToken = default) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            // Opening releases listings held in other clusters for this one, so every cluster is locked, as for a block.
            await LockAsync(() => PolicyLocks.UpdateAllClustersAsync(db, ct));
            var now = clock.GetUtcNow();
            var blocks = await db.ClusterBlocks.Where(b => b.ClusterId == clusterId && b.LiftedAt == null).ToListAsync(ct);
            if (blocks.Count == 0)
            {
                throw new DomainException("block.not_blocked", "This cluster is open already.");
            }

            foreach (var block in blocks)
            {
                block.Lift(reason, actor, now);
            }

            await BumpPolicyVersionAsync(actor, now, ct);
            await db.SaveChangesAsync(ct);
            var released = await RedecideAsync(DecisionScope.SuspendedByPolicyInCluster(clusterId), DecisionTrigger.ClusterOpened, actor, now, ct);
            var reviewed = await RedecideWhereStateChangesAsync(DecisionScope.HeldAsClosedClusterGoods(), DecisionTrigger.ClusterOpened, actor, now, ct);
            return released.Plus(reviewed);
        },
        cancellationToken);

    /// <summary>
    /// Applies scheduled blocks whose instant has come. Safe to run on every web node at once: each block is swept
    /// under its cluster's lock and marked swept, so a second node finds nothing left to do.
    /// </summary>
    public async Task<int> SweepDueBlocksAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.ClusterBlocks.AsNoTracking()
            .Where(b => b.SweptAt == null && b.LiftedAt == null && b.StartsAt <= now)
            .OrderBy(b => b.StartsAt)
            .Select(b => new { b.Id, b.ClusterId })
            .ToListAsync(cancellationToken);
        var swept = 0;
        foreach (var candidate in due)
        {
            var done = await PolicyTransaction.RunAsync(db, async ct =>
            {
                await LockAsync(() => PolicyLocks.UpdateAllClustersAsync(db, ct));
                var block = await db.ClusterBlocks.SingleAsync(b => b.Id == candidate.Id, ct);
                if (block.SweptAt is not null || block.LiftedAt is not null)
                {
                    return false;
                }

                await SweepAsync(block, DecisionTrigger.ScheduledBlock, SystemActor, clock.GetUtcNow(), ct);
                return true;
            },
            cancellationToken);
            db.ChangeTracker.Clear();
            swept += done ? 1 : 0;
        }

        return swept;
    }

    /// <summary>Moves a leaf category to another cluster and re-decides its listings under the new cluster, those it held included.</summary>
    public Task<RedecisionSummary> MoveCategoryAsync(int categoryId, int clusterId, string actor, CancellationToken cancellationToken = default) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var current = await db.Categories.AsNoTracking().Where(c => c.Id == categoryId).Select(c => c.ClusterId).SingleAsync(ct);
            await LockAsync(() => PolicyLocks.ShareClustersAsync(db, [clusterId, current ?? clusterId], ct));
            await LockAsync(() => PolicyLocks.UpdateCategoryAsync(db, categoryId, ct));
            var now = clock.GetUtcNow();
            var category = await db.Categories.SingleAsync(c => c.Id == categoryId, ct);
            if (category.ClusterId != current)
            {
                throw new ConcurrentChangeException();
            }

            category.MoveToCluster(clusterId);
            await BumpPolicyVersionAsync(actor, now, ct);
            await db.SaveChangesAsync(ct);
            return await RedecideAsync(DecisionScope.RuleCandidatesAndHeldInCategory(categoryId), DecisionTrigger.CategoryMoved, actor, now, ct);
        },
        cancellationToken);

    /// <summary>Replaces a cluster's keyword lexicon and re-decides every cross-border listing the rules can act on.</summary>
    public Task<RedecisionSummary> ReplaceLexiconAsync(int clusterId, IEnumerable<string> terms, string actor, CancellationToken cancellationToken = default) =>
        ChangeRulesAsync(
            async ct =>
            {
                var replacement = terms.Select(t => new LexiconTerm(clusterId, t)).DistinctBy(t => t.Term).ToList();
                await db.LexiconTerms.Where(t => t.ClusterId == clusterId).ExecuteDeleteAsync(ct);
                db.LexiconTerms.AddRange(replacement);
            },
            actor,
            cancellationToken);

    /// <summary>Sets the cross-border minimum price rule and re-decides every cross-border listing the rules can act on.</summary>
    public Task<RedecisionSummary> SetMinimumPriceAsync(CrossBorderMinimumPrice rule, string actor, CancellationToken cancellationToken = default) =>
        ChangeRulesAsync(
            async ct =>
            {
                var settings = await db.PolicySettings.SingleAsync(ct);
                settings.SetMinimumPrice(rule, actor, clock.GetUtcNow());
            },
            actor,
            cancellationToken,
            bumpsVersion: false);

    /// <summary>
    /// Runs a change as it would run and reports its effect, then rolls it back: the same code computes the preview and
    /// the effect. A preview takes no locks and writes no decisions, so checkout and publishing carry on while it runs;
    /// with nothing changed in between, it equals the effect.
    /// </summary>
    public async Task<RedecisionSummary> PreviewAsync(Func<PolicyRuleChanges, Task<RedecisionSummary>> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);

        // Without locks a preview can meet a change committed under it (a deadlock, or a row it inserts that another admin
        // has just added); it simply runs again on the new state.
        _previewing = true;
        try
        {
            return await PolicyTransaction.PreviewAsync(db, _ => change(this), cancellationToken, IsUniqueViolation);
        }
        finally
        {
            _previewing = false;
        }
    }

    /// <summary>A move to cross-border applies at once; a move to local is never a setting but an admin's verification (<see cref="VerifyLocalOriginAsync"/>).</summary>
    public Task<RedecisionSummary> ChangeSellerOriginAsync(int sellerId, SellerOrigin origin, string countryCode, string actor, CancellationToken cancellationToken = default) =>
        origin == SellerOrigin.Local
            ? throw new DomainException("seller.local_needs_verification", "Local status is granted by verifying evidence.")
            : ChangeSellerAsync(sellerId, s => s.SetOrigin(origin, countryCode), DecisionTrigger.SellerOriginChanged, actor, cancellationToken);

    /// <summary>An admin verified the shop's evidence: it is local from now on, and listings that waited for that are decided again.</summary>
    public Task<RedecisionSummary> VerifyLocalOriginAsync(int sellerId, string actor, CancellationToken cancellationToken = default) =>
        ChangeSellerAsync(sellerId, s => s.VerifyLocalOrigin(clock.GetUtcNow()), DecisionTrigger.OriginVerified, actor, cancellationToken);

    /// <summary>Suspends a seller: every live listing of the shop goes down at once, and the seller is told why.</summary>
    public Task<RedecisionSummary> SuspendSellerAsync(int sellerId, string reason, string actor, CancellationToken cancellationToken = default) =>
        ChangeSellerAsync(sellerId, s => s.Suspend(reason, clock.GetUtcNow()), DecisionTrigger.SellerSuspended, actor, cancellationToken);

    /// <summary>Closes a shop: every listing leaves the storefront at once, as for a suspension, and only an admin reopens it.</summary>
    public Task<RedecisionSummary> CloseSellerAsync(int sellerId, string reason, string actor, CancellationToken cancellationToken = default) =>
        ChangeSellerAsync(sellerId, s => s.Close(reason, clock.GetUtcNow()), DecisionTrigger.SellerClosed, actor, cancellationToken);

    public Task<RedecisionSummary> ReopenSellerAsync(int sellerId, string actor, CancellationToken cancellationToken = default) =>
        ChangeSellerAsync(sellerId, s => s.Reinstate(), DecisionTrigger.SellerReopened, actor, cancellationToken);

    public Task<RedecisionSummary> ReinstateSellerAsync(int sellerId, string actor, CancellationToken cancellationToken = default) =>
        ChangeSellerAsync(sellerId, s => s.Reinstate(), DecisionTrigger.SellerReinstated, actor, cancellationToken);

    /// <summary>
    /// An admin takes listings down, as a regulator ordered: each is suspended by admin whatever its state, with a
    /// decision row citing <paramref name="reason"/>, the <paramref name="note"/> on the listing, and its seller notified.
    /// Listings that do not exist are skipped; the caller reports them.
    /// </summary>
    public Task<RedecisionSummary> SuspendListingsByAdminAsync(
        IReadOnlyCollection<long> listingIds, PolicyReason reason, string note, string actor, CancellationToken cancellationToken = default) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            await LockAsync(() => PolicyLocks.ShareAllClustersAsync(db, ct));
            var now = clock.GetUtcNow();
            var policy = await PolicyRules.LoadAsync(db, ct);
            var facts = await ListingsUnderDecision.ReadAsync(db, DecisionScope.Listings(listingIds), policy, photos, lockRows: !_previewing, ct);
            var verdict = new PolicyVerdict(PolicyOutcome.Blocked, [reason], policy.Rules.Version);
            var decisions = facts.Select(f => new ListingDecision(f, verdict, ListingTransitions.SuspendedByAdmin(f.Current, verdict, note, now))).ToList();
            if (!_previewing)
            {
                await DecisionWriter.WriteAsync(db, decisions, DecisionTrigger.AdminSuspension, actor, now, ct);
            }

            return RedecisionSummary.Of(decisions);
        },
        cancellationToken);

    private Task<RedecisionSummary> ChangeSellerAsync(int sellerId, Action<Seller> change, DecisionTrigger trigger, string actor, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            // The seller's listings may sit in any cluster; there are few clusters, so all are locked, first, as everywhere.
            await LockAsync(() => PolicyLocks.ShareAllClustersAsync(db, ct));
            await LockAsync(() => PolicyLocks.UpdateSellerAsync(db, sellerId, ct));
            var now = clock.GetUtcNow();
            var seller = await db.Sellers.SingleAsync(s => s.Id == sellerId, ct);
            change(seller);
            await db.SaveChangesAsync(ct);
            return await RedecideAsync(DecisionScope.RuleCandidatesAndOriginHoldsOfSeller(sellerId), trigger, actor, now, ct);
        },
        cancellationToken);

    private Task<RedecisionSummary> ChangeRulesAsync(
        Func<CancellationToken, Task> change, string actor, CancellationToken cancellationToken, bool bumpsVersion = true) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            // A rule that may touch any cross-border listing locks every cluster, as a block does.
            await LockAsync(() => PolicyLocks.UpdateAllClustersAsync(db, ct));
            var now = clock.GetUtcNow();
            await change(ct);
            if (bumpsVersion)
            {
                await BumpPolicyVersionAsync(actor, now, ct);
            }

            await db.SaveChangesAsync(ct);
            return await RedecideAsync(DecisionScope.CrossBorderRuleCandidates(), DecisionTrigger.RulesChanged, actor, now, ct);
        },
        cancellationToken);

    /// <summary>
    /// Takes the cluster's live listings down, then screens live cross-border listings in every other cluster against
    /// the newly closed one (its lexicon): what now reads like its goods waits for review.
    /// </summary>
    private async Task<RedecisionSummary> SweepAsync(ClusterBlock block, DecisionTrigger trigger, string actor, DateTimeOffset now, CancellationToken ct)
    {
        block.MarkSwept(now);
        await db.SaveChangesAsync(ct);
        var inCluster = await RedecideAsync(DecisionScope.LiveCrossBorderInCluster(block.ClusterId), trigger, actor, now, ct);

        var elsewhere = await RedecideWhereStateChangesAsync(DecisionScope.LiveCrossBorderOutsideCluster(block.ClusterId), trigger, actor, now, ct);
        return inCluster.Plus(elsewhere);
    }

    /// <summary>
    /// Screens a wide scope without locking it, then locks, decides and writes only the listings whose state the rules
    /// now change. Callers hold every cluster's lock, so nothing in the scope can be published or edited in between.
    /// </summary>
    private async Task<RedecisionSummary> RedecideWhereStateChangesAsync(DecisionScope scope, DecisionTrigger trigger, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var policy = await PolicyRules.LoadAsync(db, ct);
        var facts = await ListingsUnderDecision.ReadAsync(db, scope, policy, photos, lockRows: false, ct);
        var moving = facts
            .Where(f => ListingDecision.Of(f, ListingPolicy.Decide(f.Subject, policy.Rules, now), trigger, now).StateChanged)
            .Select(f => f.Id)
            .ToList();
        return moving.Count == 0 ? RedecisionSummary.None : await RedecideAsync(DecisionScope.Listings(moving), trigger, actor, now, ct);
    }

    /// <summary>Reads the listings in scope under lock, decides each with the rules in force now, and writes the changes set-based.</summary>
    private async Task<RedecisionSummary> RedecideAsync(DecisionScope scope, DecisionTrigger trigger, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var policy = await PolicyRules.LoadAsync(db, ct);
        var facts = await ListingsUnderDecision.ReadAsync(db, scope, policy, photos, lockRows: !_previewing, ct);
        var decisions = facts
            .Select(fact => ListingDecision.Of(fact, ListingPolicy.Decide(fact.Subject, policy.Rules, now), trigger, now))
            .ToList();
        if (!_previewing)
        {
            await DecisionWriter.WriteAsync(db, decisions, trigger, actor, now, ct);
        }

        return RedecisionSummary.Of(decisions);
    }

    private static bool IsUniqueViolation(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } || (e.InnerException is { } inner && IsUniqueViolation(inner));

    /// <summary>A preview reads what the change would act on without waiting for, or holding up, anyone.</summary>
    private Task LockAsync(Func<Task> takeLock) => _previewing ? Task.CompletedTask : takeLock();

    private async Task BumpPolicyVersionAsync(string actor, DateTimeOffset now, CancellationToken ct)
    {
        var settings = await db.PolicySettings.SingleAsync(ct);
        settings.Touch(actor, now);
    }
}

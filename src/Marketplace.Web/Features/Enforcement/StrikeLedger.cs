using System.Globalization;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Admin;
using Marketplace.Web.Features.Common;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Enforcement;

/// <summary>One listing a seller tried to publish or edit, and what the policy said.</summary>
public sealed record DecidedAttempt(long ListingId, int SellerId, int ClusterId, PolicyVerdict Verdict);

/// <summary>A strike as the seller and admins read it.</summary>
public sealed record StrikeView(
    long Id, long ListingId, string ListingTitle, StrikeSource Source, string ReasonCode, string? ClusterNameId, string? ClusterNameEn,
    DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? VoidedAt, string? VoidReason, bool Active);

public sealed record ShopStrikes(IReadOnlyList<StrikeView> Strikes, int Active, int ToSuspend);

/// <summary>
/// Issues strikes for attempts the rules refuse after a closure and for misclassifications an admin confirms, suspends a
/// shop through the policy when its active strikes reach the setting, and lets an admin void a strike. A strike is
/// written in the transaction of the decision that earned it.
/// </summary>
public sealed class StrikeLedger(MarketplaceDbContext db, PolicyRuleChanges rules, AdminActionLog actions, IOptions<EnforcementOptions> options, TimeProvider clock)
{
    /// <summary>The audit trail's name for suspensions the strikes made, with nobody pressing a button.</summary>
    public static readonly AdminActor System = new(PolicyRuleChanges.SystemActor, PolicyRuleChanges.SystemActor);

    private StrikeRules Rules => options.Value.Strikes;

    /// <summary>Strikes for the attempts that earn one; returns the shops that earned any, for <see cref="SuspendStruckOutAsync"/>.</summary>
    public async Task<IReadOnlyCollection<int>> IssueForAttemptsAsync(
        IReadOnlyList<DecidedAttempt> attempts, DecisionTrigger trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var earned = attempts.Where(a => StrikeRules.Earns(trigger, a.Verdict)).ToList();
        if (earned.Count == 0)
        {
            return [];
        }

        var titles = await TitlesAsync(earned.Select(a => a.ListingId), cancellationToken);
        foreach (var attempt in earned)
        {
            var reason = attempt.Verdict.Reasons.First(r => r.Code == ReasonCodes.ClusterBlocked);
            Issue(attempt.SellerId, attempt.ListingId, attempt.ClusterId, StrikeSource.BlockedAttempt, reason.Code, titles[attempt.ListingId], reason.MessageId, reason.MessageEn, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return earned.Select(a => a.SellerId).Distinct().ToList();
    }

    /// <summary>An admin rejected a listing held as possibly misclassified: the shop earns a strike for it.</summary>
    public void IssueForRejection(int sellerId, long listingId, int? clusterId, string title, DateTimeOffset now) =>
        Issue(
            sellerId, listingId, clusterId, StrikeSource.ConfirmedMisclassification, ReasonCodes.SuspectedMisclassification, title,
            "Admin memastikan produk ini salah kategori.", "An admin confirmed this listing was misclassified.", now);

    /// <summary>
    /// Suspends each shop whose active strikes reached the setting, through the policy, with a notice; counted under the
    /// shop's lock, so two attempts striking at once suspend it once.
    /// </summary>
    public async Task SuspendStruckOutAsync(IReadOnlyCollection<int> sellerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sellerIds);
        foreach (var sellerId in sellerIds.Order())
        {
            await PolicyTransaction.RunAsync(db, async ct =>
            {
                await PolicyLocks.ShareAllClustersAsync(db, ct);
                await PolicyLocks.UpdateSellerAsync(db, sellerId, ct);
                var now = clock.GetUtcNow();
                var status = await db.Sellers.Where(s => s.Id == sellerId).Select(s => s.Status).SingleAsync(ct);
                var active = await db.Strikes.CountAsync(s => s.SellerId == sellerId && s.VoidedAt == null && s.ExpiresAt > now, ct);
                if (status != SellerStatus.Active || !Rules.Suspends(active))
                {
                    return false;
                }

                var reason = string.Create(CultureInfo.InvariantCulture, $"{active} pelanggaran aktif · {active} active strikes");
                var effect = await rules.SuspendSellerAsync(sellerId, reason, System.Email, ct);
                db.SellerNotifications.Add(new SellerNotification(
                    sellerId,
                    SellerNotificationKind.SellerSuspendedForStrikes,
                    null,
                    effect.Suspended,
                    $"Toko Anda ditangguhkan otomatis karena {active} pelanggaran aktif, dan semua produk Anda tidak tampil. Anda dapat mengajukan banding.",
                    $"Your shop was suspended automatically for {active} active strikes, and none of your listings is shown. You may appeal.",
                    now));
                await actions.RecordAsync(System, AdminActionKind.SellerSuspendedForStrikes, new AdminTarget(SellerId: sellerId), reason, RuleChangeEffect.Details(effect), ct);
                return true;
            },
            cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>An admin takes a strike back with a reason; the seller is told, and the audit trail keeps both.</summary>
    public Task VoidAsync(long strikeId, string reason, AdminActor actor, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var strike = await db.Strikes.SingleOrDefaultAsync(s => s.Id == strikeId, ct)
                ?? throw new DomainException("strike.not_found", "There is no such strike.");
            strike.Void(reason, actor.Email, clock.GetUtcNow());
            db.SellerNotifications.Add(new SellerNotification(
                strike.SellerId,
                SellerNotificationKind.StrikeVoided,
                strike.ClusterId,
                1,
                $"Satu pelanggaran Anda dibatalkan oleh admin. Alasan: {strike.VoidReason}",
                $"An admin voided one of your strikes. Reason: {strike.VoidReason}",
                clock.GetUtcNow()));
            await actions.RecordAsync(
                actor, AdminActionKind.StrikeVoided, new AdminTarget(ClusterId: strike.ClusterId, SellerId: strike.SellerId, ListingId: strike.ListingId),
                strike.VoidReason, $"strike={strike.Id}", ct);
            return true;
        },
        cancellationToken);

    /// <summary>Every strike of the shop, newest first, with how many count now and how many suspend it.</summary>
    public async Task<ShopStrikes> OfSellerAsync(int sellerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await (
            from s in db.Strikes.AsNoTracking()
            join l in db.Listings on s.ListingId equals l.Id
            where s.SellerId == sellerId
            orderby s.IssuedAt descending, s.Id descending
            let cluster = db.Clusters.FirstOrDefault(c => c.Id == s.ClusterId)
            select new StrikeView(
                s.Id, s.ListingId, l.Title, s.Source, s.ReasonCode, cluster != null ? cluster.NameId : null, cluster != null ? cluster.NameEn : null,
                s.IssuedAt, s.ExpiresAt, s.VoidedAt, s.VoidReason, s.VoidedAt == null && s.ExpiresAt > now))
            .ToListAsync(cancellationToken);
        return new ShopStrikes(rows, rows.Count(r => r.Active), Rules.ActiveToSuspend);
    }

    private void Issue(
        int sellerId, long listingId, int? clusterId, StrikeSource source, string reasonCode, string title, string whyId, string whyEn, DateTimeOffset now)
    {
        var strike = new Strike(sellerId, listingId, clusterId, source, reasonCode, now, Rules.Lifetime);
        db.Strikes.Add(strike);
        var until = strike.ExpiresAt.ToOffset(Wib.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " WIB";
        db.SellerNotifications.Add(new SellerNotification(
            sellerId,
            SellerNotificationKind.StrikeIssued,
            clusterId,
            1,
            $"Anda mendapat satu pelanggaran untuk produk \"{title}\": {whyId} Berlaku sampai {until}.",
            $"You earned a strike for the listing \"{title}\": {whyEn} It counts until {until}.",
            now));
    }

    private Task<Dictionary<long, string>> TitlesAsync(IEnumerable<long> listingIds, CancellationToken cancellationToken)
    {
        var ids = listingIds.Distinct().ToArray();
        return db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Title }).ToDictionaryAsync(l => l.Id, l => l.Title, cancellationToken);
    }
}

using Marketplace.Domain.Audit;
using Marketplace.Domain.Sellers;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Common;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Admin.Verification;

public sealed record VerificationRequestRow(
    long Id, int SellerId, string StoreName, string CountryCode, SellerOrigin Origin, EvidenceKind Kind, string Province, DateTimeOffset SubmittedAt,
    IReadOnlyList<VerificationFindingKind> Reasons);

/// <summary>How many waiting requests carry each reason, for the queue's filter.</summary>
public sealed record ReasonCount(VerificationFindingKind Reason, int Requests);

public sealed record VerificationRequest(OriginEvidence Evidence, Seller Seller);

/// <summary>
/// The admins' queue of requests for local status that the registry could not confirm, oldest first, each with the
/// reasons it waits (a name or province that differs, a front...). Verifying makes the shop local through the policy,
/// which decides again the listings that waited for it; refusing tells the seller why. Both are audited.
/// </summary>
public sealed class OriginVerifications(MarketplaceDbContext db, PolicyRuleChanges rules, AdminActionLog actions, TimeProvider clock)
{
    /// <summary>The waiting requests, all of them or only those held for <paramref name="reason"/>.</summary>
    public Task<List<VerificationRequestRow>> WaitingAsync(VerificationFindingKind? reason, CancellationToken cancellationToken) =>
        (from e in db.OriginEvidence.AsNoTracking()
         join s in db.Sellers on e.SellerId equals s.Id
         where e.Status == OriginVerification.Pending && (reason == null || e.Findings.Any(f => f.Kind == reason))
         orderby e.SubmittedAt, e.Id
         select new VerificationRequestRow(
             e.Id, s.Id, s.StoreName, s.CountryCode, s.Origin, e.Kind, e.Province, e.SubmittedAt, e.Findings.Select(f => f.Kind).Distinct().ToList()))
        .Take(200)
        .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ReasonCount>> ReasonCountsAsync(CancellationToken cancellationToken) =>
        await db.OriginEvidence.AsNoTracking()
            .Where(e => e.Status == OriginVerification.Pending)
            .SelectMany(e => e.Findings.Select(f => new { e.Id, f.Kind }))
            .Distinct()
            .GroupBy(f => f.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new ReasonCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);

    public async Task<VerificationRequest?> FindAsync(long evidenceId, CancellationToken cancellationToken)
    {
        var evidence = await db.OriginEvidence.AsNoTracking().Include(e => e.Documents).Include(e => e.Findings).AsSplitQuery().SingleOrDefaultAsync(e => e.Id == evidenceId, cancellationToken);
        return evidence is null ? null : new VerificationRequest(evidence, await db.Sellers.AsNoTracking().SingleAsync(s => s.Id == evidence.SellerId, cancellationToken));
    }

    /// <summary>The shop becomes local, based in Indonesia; its listings waiting for this are decided again in the same transaction.</summary>
    public Task<RedecisionSummary> VerifyAsync(long evidenceId, AdminActor actor, CancellationToken cancellationToken) =>
        VerifyAsync(evidenceId, actor, null, cancellationToken);

    /// <summary>
    /// Verifies as an admin does; <paramref name="record"/> adds to the evidence, in the same transaction, what an
    /// automatic verification rests on. A request replaced by newer evidence meanwhile is refused (<c>evidence.decided</c>).
    /// </summary>
    public Task<RedecisionSummary> VerifyAsync(long evidenceId, AdminActor actor, Action<OriginEvidence>? record, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var sellerId = await db.OriginEvidence.Where(e => e.Id == evidenceId).Select(e => (int?)e.SellerId).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("evidence.decided", "This request was replaced by newer evidence.");

            // The seller's row lock, taken here, is what a new request takes too: the evidence read below stays as read.
            var effect = await rules.VerifyLocalOriginAsync(sellerId, actor.Email, ct);
            var evidence = await db.OriginEvidence.Include(e => e.Findings).SingleOrDefaultAsync(e => e.Id == evidenceId, ct)
                ?? throw new DomainException("evidence.decided", "This request was replaced by newer evidence.");
            record?.Invoke(evidence);
            var now = clock.GetUtcNow();
            evidence.Verify(actor.Email, now);
            db.SellerNotifications.Add(new SellerNotification(
                evidence.SellerId,
                SellerNotificationKind.OriginVerified,
                null,
                effect.Restored,
                "Bukti asal toko Anda telah diverifikasi: toko Anda kini penjual lokal, dan produk yang menunggu verifikasi telah diputuskan kembali.",
                "Your shop's evidence of origin was verified: your shop is now a local seller, and listings that waited for it were decided again.",
                now));
            await actions.RecordAsync(actor, AdminActionKind.SellerVerified, new AdminTarget(SellerId: evidence.SellerId), null, $"evidence={evidenceId}; {RuleChangeEffect.Details(effect)}", ct);
            return effect;
        },
        cancellationToken);

    public Task<bool> RefuseAsync(long evidenceId, string reason, AdminActor actor, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var evidence = await db.OriginEvidence.SingleAsync(e => e.Id == evidenceId, ct);
            await PolicyLocks.UpdateSellerAsync(db, evidence.SellerId, ct);
            var seller = await db.Sellers.SingleAsync(s => s.Id == evidence.SellerId, ct);
            var now = clock.GetUtcNow();
            seller.RefuseLocalOrigin(reason);
            evidence.Refuse(actor.Email, reason, now);
            var why = reason.Trim();
            db.SellerNotifications.Add(new SellerNotification(
                seller.Id,
                SellerNotificationKind.OriginRefused,
                null,
                0,
                $"Permintaan status penjual lokal ditolak. Alasan: {why}",
                $"Your request for local seller status was refused. Reason: {why}",
                now));
            await actions.RecordAsync(actor, AdminActionKind.OriginVerificationRefused, new AdminTarget(SellerId: seller.Id), reason, $"evidence={evidenceId}", ct);
            return true;
        },
        cancellationToken);
}

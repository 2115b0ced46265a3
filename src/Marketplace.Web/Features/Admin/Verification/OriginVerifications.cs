using Marketplace.Domain.Audit;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Admin.Verification;

public sealed record VerificationRequestRow(long Id, int SellerId, string StoreName, string CountryCode, SellerOrigin Origin, EvidenceKind Kind, string Province, DateTimeOffset SubmittedAt);

public sealed record VerificationRequest(OriginEvidence Evidence, Seller Seller);

/// <summary>
/// The admins' queue of requests for local status, oldest first. Verifying makes the shop local through the policy,
/// which decides again the listings that waited for it; refusing tells the seller why. Both are audited.
/// </summary>
public sealed class OriginVerifications(MarketplaceDbContext db, PolicyRuleChanges rules, AdminActionLog actions, TimeProvider clock)
{
    public Task<List<VerificationRequestRow>> WaitingAsync(CancellationToken cancellationToken) =>
        (from e in db.OriginEvidence.AsNoTracking()
         join s in db.Sellers on e.SellerId equals s.Id
         where e.Status == OriginVerification.Pending
         orderby e.SubmittedAt, e.Id
         select new VerificationRequestRow(e.Id, s.Id, s.StoreName, s.CountryCode, s.Origin, e.Kind, e.Province, e.SubmittedAt))
        .Take(200)
        .ToListAsync(cancellationToken);

    public async Task<VerificationRequest?> FindAsync(long evidenceId, CancellationToken cancellationToken)
    {
        var evidence = await db.OriginEvidence.AsNoTracking().Include(e => e.Documents).SingleOrDefaultAsync(e => e.Id == evidenceId, cancellationToken);
        return evidence is null ? null : new VerificationRequest(evidence, await db.Sellers.AsNoTracking().SingleAsync(s => s.Id == evidence.SellerId, cancellationToken));
    }

    /// <summary>The shop becomes local, based in Indonesia; its listings waiting for this are decided again in the same transaction.</summary>
    public Task<RedecisionSummary> VerifyAsync(long evidenceId, AdminActor actor, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var evidence = await db.OriginEvidence.SingleAsync(e => e.Id == evidenceId, ct);
            var effect = await rules.VerifyLocalOriginAsync(evidence.SellerId, actor.Email, ct);
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
            await actions.RecordAsync(actor, AdminActionKind.SellerVerified, new AdminTarget(SellerId: evidence.SellerId), null, $"evidence={evidenceId}; {Effect.Details(effect)}", ct);
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

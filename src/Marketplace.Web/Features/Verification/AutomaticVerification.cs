using System.Diagnostics;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Admin.Verification;
using Marketplace.Web.Features.Common;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Verification;

public enum CheckOutcome
{
    /// <summary>The registry confirmed the shop and nothing linked it to a risky shop: it is local now.</summary>
    Verified,

    /// <summary>Something was found; the request waits for an admin, with the findings as its reasons.</summary>
    SentToAdmin,

    /// <summary>The request was decided or replaced meanwhile; nothing changed.</summary>
    NotPending,
}

/// <summary>
/// Checks a request for local status as soon as it is sent: the registry's answer for its NIB against the shop's names,
/// province and goods (<see cref="RegistryMatch"/>), and the shops it shares facts with (<see cref="FrontCheck"/>). A
/// clean request is verified through the admins' own path (<see cref="OriginVerifications.VerifyAsync(long, AdminActor, Action{OriginEvidence}?, CancellationToken)"/>),
/// which makes the shop local and re-decides its waiting listings through the policy; anything found sends it to an
/// admin with the findings as reasons. Checking a request twice does no harm: a decided request is left alone.
/// </summary>
public sealed class AutomaticVerification(
    MarketplaceDbContext db, IBusinessRegistry registry, FrontCheck fronts, OriginVerifications verifications, TimeProvider clock, ILogger<AutomaticVerification> logger)
{
    /// <summary>The actor the audit trail and the decisions name for a verification the registry's answer made.</summary>
    public static readonly AdminActor Registry = new(PolicyRuleChanges.SystemActor, "registri-usaha");

    private const int RecheckBatch = 50;

    /// <summary>A request younger than this is still being checked by the seller's own request.</summary>
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(1);

    public async Task<CheckOutcome> CheckAsync(long evidenceId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var evidence = await db.OriginEvidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.Status == OriginVerification.Pending, cancellationToken);
        if (evidence is null)
        {
            return CheckOutcome.NotPending;
        }

        var seller = await db.Sellers.AsNoTracking().SingleAsync(s => s.Id == evidence.SellerId, cancellationToken);
        var (answer, findings) = await RegistryFindingsAsync(seller, evidence, cancellationToken);
        findings.AddRange(await fronts.FindAsync(seller, evidence, cancellationToken));
        var outcome = findings.Count == 0
            ? await VerifyAsync(evidenceId, answer, cancellationToken)
            : await ReferAsync(evidenceId, answer, findings, cancellationToken);
        logger.LogInformation(
            "Request {Evidence} for local status checked in {Elapsed} ms: {Outcome} {Findings}",
            evidenceId, Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome, string.Join(",", findings.Select(f => f.Kind)));
        return outcome;
    }

    /// <summary>
    /// Checks again the requests whose check never ran (the seller's request ended first) or found the registry silent,
    /// so an outage delays an honest shop instead of leaving it to a person. Returns how many were checked.
    /// </summary>
    public async Task<int> RecheckDueAsync(CancellationToken cancellationToken)
    {
        var settled = clock.GetUtcNow() - RecheckAfter;
        var due = await db.OriginEvidence.AsNoTracking()
            .Where(e => e.Status == OriginVerification.Pending && e.Kind == EvidenceKind.Nib
                && ((e.CheckedAt == null && e.SubmittedAt < settled)
                    || (e.CheckedAt < settled && e.Findings.Any(f => f.Kind == VerificationFindingKind.RegistryUnavailable))))
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .Take(RecheckBatch)
            .ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await CheckAsync(id, cancellationToken);
        }

        return due.Count;
    }

    private async Task<(string? Answer, List<VerificationFinding> Findings)> RegistryFindingsAsync(Seller seller, OriginEvidence evidence, CancellationToken cancellationToken)
    {
        if (evidence.Kind != EvidenceKind.Nib)
        {
            return (null, [new VerificationFinding(VerificationFindingKind.IdentityNumberOnly)]);
        }

        var lookup = await registry.LookupAsync(evidence.IdentityNumber, cancellationToken);
        if (lookup.Status == RegistryLookupStatus.Unavailable)
        {
            return (null, [new VerificationFinding(VerificationFindingKind.RegistryUnavailable)]);
        }

        var goods = await (from l in db.Listings.AsNoTracking()
                           join c in db.Categories on l.CategoryId equals c.Id
                           join k in db.Clusters on c.ClusterId equals k.Id
                           where l.SellerId == seller.Id && l.State != ListingState.Archived
                           select k.Code)
            .Distinct()
            .ToListAsync(cancellationToken);
        var claim = new VerificationClaim(seller.StoreName, evidence.OwnerName, evidence.Province, goods);
        return (lookup.Answer, [.. RegistryMatch.Check(claim, lookup.Registration)]);
    }

    private async Task<CheckOutcome> VerifyAsync(long evidenceId, string? answer, CancellationToken cancellationToken)
    {
        try
        {
            await verifications.VerifyAsync(evidenceId, Registry, e => e.RecordCheck(answer, [], clock.GetUtcNow()), cancellationToken);
            return CheckOutcome.Verified;
        }
        catch (DomainException e) when (e.Code is "evidence.decided" or "seller.no_verification_request")
        {
            return CheckOutcome.NotPending;
        }
    }

    private Task<CheckOutcome> ReferAsync(long evidenceId, string? answer, IReadOnlyList<VerificationFinding> findings, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var evidence = await db.OriginEvidence.Include(e => e.Findings)
                .SingleOrDefaultAsync(e => e.Id == evidenceId && e.Status == OriginVerification.Pending, ct);
            if (evidence is null)
            {
                return CheckOutcome.NotPending;
            }

            var now = clock.GetUtcNow();
            evidence.RecordCheck(answer, findings, now);
            db.AdminActions.Add(new AdminAction(
                AdminActionKind.OriginVerificationReferred,
                Registry.UserId,
                Registry.Email,
                new AdminTarget(SellerId: evidence.SellerId),
                null,
                $"evidence={evidenceId}; findings={string.Join(",", findings.Select(f => f.Fact is { } fact ? $"{f.Kind}:{fact}:{f.LinkedSellerId}" : f.Kind.ToString()))}",
                now));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return CheckOutcome.SentToAdmin;
        },
        cancellationToken);
}

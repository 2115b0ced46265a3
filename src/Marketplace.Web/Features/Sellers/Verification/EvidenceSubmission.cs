using Marketplace.Domain;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Sellers.Shop;
using Marketplace.Web.Features.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Sellers.Verification;

/// <summary>What the seller types beside the documents.</summary>
public sealed class EvidenceForm
{
    public string? Nib { get; set; }

    public string? Nik { get; set; }

    /// <summary>The owner's name as registered with the NIB; the registry's answer is matched against it or the shop's name.</summary>
    public string? OwnerName { get; set; }

    public string Address { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string Province { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;
}

/// <summary>
/// Where a shop's origin stands, as its seller reads it: while a person checks the request, the reasons it needs one
/// and the instant by which an admin decides (<see cref="ReviewBy"/>).
/// </summary>
public sealed record VerificationStatus(
    SellerOrigin Origin, OriginVerification State, string? Note, DateTimeOffset? VerifiedAt, IReadOnlyList<EvidenceSummary> History,
    IReadOnlyList<WaitReason> Reasons, DateTimeOffset? ReviewBy, int ReviewWorkingDays);

/// <summary>
/// One reason a request waits for a person, in words the seller can act on: the registry's province, or the cluster a
/// KBLI code does not cover, in both languages. The registry's names and the shops a front check linked are never shown.
/// </summary>
public sealed record WaitReason(VerificationFindingKind Kind, string? DetailId, string? DetailEn);

public sealed record EvidenceSummary(long Id, DateTimeOffset SubmittedAt, OriginVerification Status, string? Note, IReadOnlyList<DocumentLink> Documents);

public sealed record DocumentLink(string StoredName, string FileName);

/// <summary>
/// A seller asks to be treated as local by sending evidence; the shop keeps its current treatment (a cross-border shop
/// stays cross-border, a new local shop's listings in closed clusters keep waiting) until it is verified. A request
/// with an NIB is checked against the business registry at once and, when everything matches, verified within the same
/// request; otherwise an admin decides it within the configured working days. Every request is an entry in the audit
/// trail, with the seller as actor.
/// </summary>
public sealed class EvidenceSubmission(
    MarketplaceDbContext db, EvidenceStore store, AutomaticVerification automatic, IOptions<VerificationOptions> options, TimeProvider clock)
{
    public async Task<VerificationStatus> StatusAsync(int sellerId, CancellationToken cancellationToken)
    {
        var seller = await db.Sellers.AsNoTracking().SingleAsync(s => s.Id == sellerId, cancellationToken);
        var history = await db.OriginEvidence.AsNoTracking().Include(e => e.Documents).Include(e => e.Findings).AsSplitQuery()
            .Where(e => e.SellerId == sellerId)
            .OrderByDescending(e => e.SubmittedAt)
            .ToListAsync(cancellationToken);
        var waiting = seller.Verification == OriginVerification.Pending ? history.FirstOrDefault(e => e.Status == OriginVerification.Pending) : null;
        var days = options.Value.ReviewWorkingDays;
        return new VerificationStatus(
            seller.Origin,
            seller.Verification,
            seller.VerificationNote,
            seller.VerifiedAt,
            history.Select(e => new EvidenceSummary(e.Id, e.SubmittedAt, e.Status, e.Note, e.Documents.Select(d => new DocumentLink(d.StoredName, d.FileName)).ToList())).ToList(),
            waiting is null ? [] : await ReasonsAsync(waiting, cancellationToken),
            waiting is null ? null : WorkingDays.Add(waiting.CheckedAt ?? waiting.SubmittedAt, days, Wib.Offset),
            days);
    }

    private async Task<IReadOnlyList<WaitReason>> ReasonsAsync(OriginEvidence waiting, CancellationToken cancellationToken)
    {
        var clusters = await db.Clusters.AsNoTracking().ToDictionaryAsync(c => c.Code, c => (c.NameId, c.NameEn), cancellationToken);
        return waiting.Findings
            .Select(f => f.Kind switch
            {
                VerificationFindingKind.ProvinceMismatch => new WaitReason(f.Kind, f.Detail, f.Detail),
                VerificationFindingKind.KbliNotCovering when f.Detail is { } code && clusters.TryGetValue(code, out var name) => new WaitReason(f.Kind, name.NameId, name.NameEn),
                _ => new WaitReason(f.Kind, null, null),
            })
            .Distinct()
            .OrderBy(r => r.Kind)
            .ToList();
    }

    public async Task<IReadOnlyList<FieldProblem>> SubmitAsync(
        int sellerId, string userId, string actor, EvidenceForm form, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<FieldProblem>();
        OriginEvidence? evidence = null;
        try
        {
            evidence = new OriginEvidence(sellerId, form.Nib, form.Nik, form.Address, form.City, form.Province, form.PostalCode, clock.GetUtcNow(), form.OwnerName);
        }
        catch (DomainException e)
        {
            problems.Add(new FieldProblem(FieldOf(e.Code), ProblemText.KeyOf(e)));
        }

        // The registry's answer is the evidence behind an NIB; an NIK needs the scans a person reads.
        if ((files.Count == 0 && evidence?.Kind != EvidenceKind.Nib) || files.Count > OriginEvidence.MaxDocuments)
        {
            problems.Add(new FieldProblem("Documents", "Evidence.File.Count"));
        }

        if (evidence is null || problems.Count > 0)
        {
            return problems;
        }

        foreach (var file in files)
        {
            var saved = await store.SaveAsync(file, cancellationToken);
            if (saved.ProblemKey is not null)
            {
                problems.Add(new FieldProblem("Documents", saved.ProblemKey));
                continue;
            }

            evidence.AddDocument(saved.StoredName!, saved.ContentType!, saved.FileName, saved.Bytes);
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        await PolicyTransaction.RunAsync(db, async ct =>
        {
            await PolicyLocks.UpdateSellerAsync(db, sellerId, ct);
            var seller = await db.Sellers.SingleAsync(s => s.Id == sellerId, ct);
            seller.RequestLocalVerification();

            // Earlier requests still waiting give way to the newest evidence.
            await db.OriginEvidence.Where(e => e.SellerId == sellerId && e.Status == OriginVerification.Pending).ExecuteDeleteAsync(ct);
            db.OriginEvidence.Add(evidence);
            db.AdminActions.Add(new AdminAction(
                AdminActionKind.OriginVerificationRequested, userId, actor, new AdminTarget(SellerId: sellerId), null, $"evidence={evidence.Kind}", clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return true;
        },
        cancellationToken);
        db.ChangeTracker.Clear();
        await automatic.CheckAsync(evidence.Id, cancellationToken);
        return [];
    }

    /// <summary>The document's file when it belongs to this shop; null otherwise, so another shop's documents are simply not found.</summary>
    public async Task<(string Path, string ContentType, string FileName)?> DocumentAsync(int? sellerId, string storedName, CancellationToken cancellationToken)
    {
        var document = await (from e in db.OriginEvidence.AsNoTracking()
                              from d in e.Documents
                              where d.StoredName == storedName && (sellerId == null || e.SellerId == sellerId)
                              select new { d.ContentType, d.FileName })
            .SingleOrDefaultAsync(cancellationToken);
        return document is not null && store.PathOf(storedName) is { } path ? (path, document.ContentType, document.FileName) : null;
    }

    private static string FieldOf(string code) => code switch
    {
        "seller.nib_invalid" => nameof(EvidenceForm.Nib),
        "evidence.nik_invalid" => nameof(EvidenceForm.Nik),
        "evidence.number_required" => nameof(EvidenceForm.Nib),
        "evidence.postal_code_invalid" => nameof(EvidenceForm.PostalCode),
        "evidence.address_required" => nameof(EvidenceForm.Address),
        "evidence.owner_name_invalid" => nameof(EvidenceForm.OwnerName),
        _ => string.Empty,
    };
}

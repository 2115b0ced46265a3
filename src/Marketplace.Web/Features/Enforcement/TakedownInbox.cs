using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Common;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Enforcement;

/// <summary>What an admin types from a regulator's letter.</summary>
public sealed class TakedownForm
{
    public RegulatorBody? Body { get; set; }

    public string? BodyName { get; set; }

    public string? ReferenceNumber { get; set; }

    public string? LegalBasis { get; set; }

    /// <summary>Listing addresses or ids, one per line.</summary>
    public string? Listings { get; set; }

    /// <summary>The deadline as a WIB wall-clock time; empty means the setting's hours from now.</summary>
    public string? DueAt { get; set; }
}

public sealed record TakedownRow(
    long Id, string Issuer, string ReferenceNumber, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, int Lines, int Unmatched, TakedownStatus Status);

public sealed record TakedownLine(long ItemId, string Line, long? ListingId, string? Title, ListingState? State);

public sealed record TakedownWithdrawal(DateTimeOffset At, string By, string Reason);

public sealed record TakedownDetail(TakedownRow Row, string LegalBasis, string CreatedBy, TakedownWithdrawal? Withdrawal, IReadOnlyList<TakedownLine> Lines);

/// <summary>One policy decision or admin action on a listing a request named, as the regulator reads it.</summary>
public sealed record EvidenceEntry(
    string Record, long ListingId, long Id, DateTimeOffset At, string What, string? ReasonCodes, string? Trigger, string Actor, string? Reason, string? Details);

public sealed record EvidenceListing(long ListingId, string Title, int SellerId, string Seller, string State, IReadOnlyList<EvidenceEntry> Entries);

public sealed record TakedownEvidence(TakedownDetail Request, IReadOnlyList<EvidenceListing> Listings);

/// <summary>
/// Regulators' takedown orders. An admin records a request; the listings it names come down at once through the policy
/// (suspended by admin, the request cited, the seller notified); lines naming no listing are kept and reported, and the
/// request is done, partly done or overdue by them. Each request exports its listings' decisions and admin actions as
/// evidence. Every step is in the audit trail.
/// </summary>
public sealed class TakedownInbox(
    MarketplaceDbContext db, PolicyRuleChanges rules, ListingPublication publication, AdminActionLog actions, IOptions<EnforcementOptions> options, TimeProvider clock)
{
    public const int InboxSize = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Records the request and takes its listings down in one transaction; returns the request's id.</summary>
    public async Task<long> RecordAsync(TakedownForm form, AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        var dueAt = now.AddHours(options.Value.TakedownDeadlineHours);
        if (!string.IsNullOrWhiteSpace(form.DueAt) && !Wib.TryParseInput(form.DueAt, out dueAt))
        {
            throw new DomainException("takedown.deadline_unreadable", "The deadline is not a date and time.");
        }

        var lines = TakedownRequest.LinesOf(form.Listings);
        var named = lines.Select(l => (Line: l, Id: TakedownRequest.ListingIdIn(l))).ToList();
        var candidates = named.Where(n => n.Id is not null).Select(n => n.Id!.Value).Distinct().ToArray();
        var existing = (await db.Listings.AsNoTracking().Where(l => candidates.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken)).ToHashSet();
        var request = new TakedownRequest(
            form.Body ?? (RegulatorBody)(-1), form.BodyName, form.ReferenceNumber ?? string.Empty, form.LegalBasis ?? string.Empty,
            named.Select(n => (n.Line, n.Id is { } id && existing.Contains(id) ? n.Id : null)).ToList(), now, dueAt, actor.Email);
        var listingIds = request.Items.Where(i => i.ListingId is not null).Select(i => i.ListingId!.Value).Distinct().ToList();

        return await PolicyTransaction.RunAsync(db, async ct =>
        {
            db.TakedownRequests.Add(request);
            await db.SaveChangesAsync(ct);
            var effect = await TakeDownAsync(request, listingIds, actor, ct);
            var unmatched = request.Items.Count(i => i.ListingId is null);
            await actions.RecordAsync(
                actor, AdminActionKind.TakedownRecorded, new AdminTarget(), request.Citation,
                FormattableString.Invariant($"request={request.Id}; lines={request.Items.Count}; listings={listingIds.Count}; taken_down={effect.Suspended}; unmatched={unmatched}; due={request.DueAt:O}"),
                ct);
            return request.Id;
        },
        cancellationToken);
    }

    /// <summary>
    /// An admin names the listing an unmatched line meant (its id or product address); the listing comes down at once
    /// under the request, as if the line had named it from the start. False when there is no such request.
    /// </summary>
    public Task<bool> MatchLineAsync(long requestId, long itemId, string? listing, AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var listingId = TakedownRequest.ListingIdIn(listing ?? string.Empty)
            ?? throw new DomainException("takedown.listing_unreadable", "Give a listing's id or its product address.");
        return PolicyTransaction.RunAsync(db, async ct =>
        {
            var request = await LockedAsync(requestId, ct);
            if (request is null)
            {
                return false;
            }

            if (!await db.Listings.AnyAsync(l => l.Id == listingId, ct))
            {
                throw new DomainException("takedown.listing_not_found", "No listing has that id or address.");
            }

            var line = request.Items.SingleOrDefault(i => i.Id == itemId)?.Line;
            request.MatchLine(itemId, listingId);
            await db.SaveChangesAsync(ct);
            await TakeDownAsync(request, [listingId], actor, ct);
            await actions.RecordAsync(
                actor, AdminActionKind.TakedownLineMatched, new AdminTarget(ListingId: listingId), request.Citation,
                FormattableString.Invariant($"request={request.Id}; line={line}"), ct);
            return true;
        },
        cancellationToken);
    }

    /// <summary>
    /// The regulator withdrew its request: the request is marked so, with the reason, and each listing it took down that
    /// no other request in force names is decided again through the policy (live again only if the rules allow it now).
    /// Returns how many listings were decided again, or null when there is no such request.
    /// </summary>
    public Task<int?> WithdrawAsync(long requestId, string? reason, AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return PolicyTransaction.RunAsync<int?>(db, async ct =>
        {
            var request = await LockedAsync(requestId, ct);
            if (request is null)
            {
                return null;
            }

            request.Withdraw(reason, actor.Email, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            var named = request.Items.Where(i => i.ListingId is not null).Select(i => i.ListingId!.Value).Distinct().ToList();
            var stillOrdered = await (from r in db.TakedownRequests
                                      from i in r.Items
                                      where r.WithdrawnAt == null && i.ListingId != null && named.Contains(i.ListingId.Value)
                                      select i.ListingId!.Value)
                .Distinct()
                .ToListAsync(ct);
            var lifted = await publication.LiftTakedownAsync(named.Except(stillOrdered).ToList(), actor.Email, ct);
            await CiteNewestOrderAsync(stillOrdered, actor, ct);
            await actions.RecordAsync(
                actor, AdminActionKind.TakedownWithdrawn, new AdminTarget(), request.WithdrawalReason,
                FormattableString.Invariant($"request={request.Id}; listings={named.Count}; decided_again={lifted.Count}; still_ordered={stillOrdered.Count}"),
                ct);
            return lifted.Count;
        },
        cancellationToken);
    }

    /// <summary>The newest requests first, each with its status now.</summary>
    public async Task<IReadOnlyList<TakedownRow>> InboxAsync(CancellationToken cancellationToken) =>
        await RowsAsync(db.TakedownRequests.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Take(InboxSize), cancellationToken);

    public async Task<TakedownDetail?> FindAsync(long requestId, CancellationToken cancellationToken)
    {
        var row = (await RowsAsync(db.TakedownRequests.Where(r => r.Id == requestId), cancellationToken)).SingleOrDefault();
        if (row is null)
        {
            return null;
        }

        var request = await db.TakedownRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => new { r.LegalBasis, r.CreatedBy, r.WithdrawnAt, r.WithdrawnBy, r.WithdrawalReason })
            .SingleAsync(cancellationToken);
        var lines = await (from r in db.TakedownRequests.AsNoTracking()
                           from i in r.Items
                           where r.Id == requestId
                           orderby i.Id
                           let listing = db.Listings.FirstOrDefault(l => l.Id == i.ListingId)
                           select new TakedownLine(i.Id, i.Line, i.ListingId, listing != null ? listing.Title : null, listing != null ? listing.State : null))
            .ToListAsync(cancellationToken);
        var withdrawal = request.WithdrawnAt is { } at ? new TakedownWithdrawal(at, request.WithdrawnBy!, request.WithdrawalReason!) : null;
        return new TakedownDetail(row, request.LegalBasis, request.CreatedBy, withdrawal, lines);
    }

    /// <summary>Every decision and admin action on the request's listings, oldest first, for the regulator; the export is audited.</summary>
    public async Task<TakedownEvidence?> EvidenceAsync(long requestId, string format, AdminActor actor, CancellationToken cancellationToken)
    {
        var detail = await FindAsync(requestId, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        var ids = detail.Lines.Where(l => l.ListingId is not null).Select(l => l.ListingId!.Value).Distinct().ToArray();
        var listings = await (from l in db.Listings.AsNoTracking()
                              join s in db.Sellers on l.SellerId equals s.Id
                              where ids.Contains(l.Id)
                              orderby l.Id
                              select new { l.Id, l.Title, l.SellerId, s.StoreName, l.State })
            .ToListAsync(cancellationToken);
        var decisions = await db.PolicyDecisions.AsNoTracking().Where(d => ids.Contains(d.ListingId)).OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        var acts = await db.AdminActions.AsNoTracking().Where(a => a.ListingId != null && ids.Contains(a.ListingId.Value)).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var entries = decisions
            .Select(d => new EvidenceEntry(
                "decision", d.ListingId, d.Id, d.DecidedAt, d.Outcome.ToString(), string.Join(' ', d.ReasonCodes), d.Trigger.ToString(), d.Actor, d.MessageEn, d.MessageId))
            .Concat(acts.Select(a => new EvidenceEntry("admin_action", a.ListingId!.Value, a.Id, a.At, a.Kind.ToString(), null, null, a.ActorEmail, a.Reason, a.Details)))
            .OrderBy(e => e.At)
            .ToLookup(e => e.ListingId);
        await actions.RecordAsync(
            actor, AdminActionKind.TakedownEvidenceExported, new AdminTarget(), null, FormattableString.Invariant($"request={requestId}; format={format}; listings={ids.Length}"), cancellationToken);
        return new TakedownEvidence(
            detail,
            listings.Select(l => new EvidenceListing(l.Id, l.Title, l.SellerId, l.StoreName, l.State.ToString(), [.. entries[l.Id]])).ToList());
    }

    /// <summary>The evidence as a spreadsheet CSV (<see cref="SpreadsheetCsv"/>): one row per decision or admin action, the request on each row.</summary>
    public static async Task WriteCsvAsync(TakedownEvidence evidence, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var request = evidence.Request.Row;
        await using var csv = CsvWriter.Create(output, SpreadsheetCsv.Options(), leaveOpen: true);
        await csv.WriteRecordAsync(
            ["request_id", "issuer", "reference_number", "listing_id", "listing_title", "seller_id", "seller", "record", "record_id", "at_utc", "at_wib",
             "outcome_or_kind", "reason_codes", "trigger", "actor", "reason_or_message_en", "details_or_message_id"],
            cancellationToken);
        foreach (var listing in evidence.Listings)
        {
            foreach (var e in listing.Entries)
            {
                await csv.WriteRecordAsync(
                [
                    Invariant(request.Id), request.Issuer, request.ReferenceNumber, Invariant(listing.ListingId), listing.Title, Invariant(listing.SellerId), listing.Seller,
                    e.Record, Invariant(e.Id), e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    e.At.ToOffset(Wib.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.What, e.ReasonCodes, e.Trigger, e.Actor, e.Reason, e.Details,
                ],
                cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    public static Task WriteJsonAsync(TakedownEvidence evidence, Stream output, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(output, evidence, Json, cancellationToken);

    private async Task<List<TakedownRow>> RowsAsync(IQueryable<TakedownRequest> requests, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await requests.AsNoTracking()
            .Select(r => new
            {
                r.Id,
                r.Body,
                r.BodyName,
                r.ReferenceNumber,
                r.ReceivedAt,
                r.DueAt,
                Withdrawn = r.WithdrawnAt != null,
                Lines = r.Items.Count,
                Unmatched = r.Items.Count(i => i.ListingId == null),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TakedownRow(
                r.Id, TakedownRequest.IssuerOf(r.Body, r.BodyName), r.ReferenceNumber, r.ReceivedAt, r.DueAt, r.Lines, r.Unmatched,
                TakedownRequest.StatusOf(r.Unmatched, r.DueAt, r.Withdrawn, now)))
            .ToList();
    }

    /// <summary>Takes listings down under a request, through the policy, each cited and recorded in the audit trail.</summary>
    private async Task<RedecisionSummary> TakeDownAsync(TakedownRequest request, IReadOnlyCollection<long> listingIds, AdminActor actor, CancellationToken ct)
    {
        var effect = await rules.SuspendListingsByAdminAsync(listingIds, ReasonOf(request), request.Citation, actor.Email, ct);
        var sellers = await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.SellerId, ct);
        foreach (var listingId in listingIds)
        {
            await actions.RecordAsync(
                actor, AdminActionKind.ListingTakenDown, new AdminTarget(SellerId: sellers[listingId], ListingId: listingId), request.Citation,
                FormattableString.Invariant($"request={request.Id}"), ct);
        }

        return effect;
    }

    /// <summary>
    /// Listings still ordered down by requests in force cite the newest of them, so neither the seller nor the evidence
    /// names a withdrawn request as the reason.
    /// </summary>
    private async Task CiteNewestOrderAsync(IReadOnlyCollection<long> listingIds, AdminActor actor, CancellationToken ct)
    {
        var orders = await (from r in db.TakedownRequests
                            from i in r.Items
                            where r.WithdrawnAt == null && i.ListingId != null && listingIds.Contains(i.ListingId.Value)
                            select new { ListingId = i.ListingId!.Value, RequestId = r.Id, r.ReceivedAt })
            .ToListAsync(ct);
        var newest = orders.GroupBy(o => o.ListingId).Select(g => g.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.RequestId).First()).ToList();
        var requestIds = newest.Select(o => o.RequestId).Distinct().ToArray();
        var requests = await db.TakedownRequests.Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        foreach (var byRequest in newest.GroupBy(o => o.RequestId))
        {
            var request = requests[byRequest.Key];
            await rules.SuspendListingsByAdminAsync(byRequest.Select(o => o.ListingId).ToList(), ReasonOf(request), request.Citation, actor.Email, ct);
        }
    }

    private static PolicyReason ReasonOf(TakedownRequest request) => new(
        ReasonCodes.RegulatorTakedown,
        null,
        $"Diturunkan atas permintaan {request.Issuer} nomor {request.ReferenceNumber}, dasar hukum: {request.LegalBasis}.",
        $"Taken down at the request of {request.Issuer}, reference {request.ReferenceNumber}, legal basis: {request.LegalBasis}.");

    /// <summary>The request with its lines, its row locked so two admins' changes to it queue.</summary>
    private async Task<TakedownRequest?> LockedAsync(long requestId, CancellationToken ct)
    {
        var request = await db.TakedownRequests.FromSql($"SELECT * FROM takedown_requests WHERE id = {requestId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (request is not null)
        {
            await db.Entry(request).Collection(r => r.Items).LoadAsync(ct);
        }

        return request;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}

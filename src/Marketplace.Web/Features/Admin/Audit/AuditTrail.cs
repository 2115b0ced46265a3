using System.Globalization;
using CsvHelper;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Policy;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Admin.Audit;

public enum AuditTab
{
    Decisions,
    Actions,
}

/// <summary>The audit view's filters, all in the URL so a filtered view can be bookmarked and exported as it is.</summary>
public sealed class AuditFilter
{
    /// <summary>The first and last day a date filter may name: beyond them a WIB day has no UTC instant to compare with.</summary>
    public static readonly DateOnly EarliestDay = new(2000, 1, 1);

    public static readonly DateOnly LatestDay = new(2099, 12, 31);

    public AuditTab Tab { get; set; }

    public int? ClusterId { get; set; }

    public int? SellerId { get; set; }

    /// <summary>Part of a shop's name, any case: admins look sellers up by name, the id stays for links from other pages.</summary>
    [System.ComponentModel.DataAnnotations.StringLength(100)]
    public string? Seller { get; set; }

    public PolicyOutcome? Outcome { get; set; }

    public DecisionTrigger? Trigger { get; set; }

    public AdminActionKind? Kind { get; set; }

    public string? Actor { get; set; }

    /// <summary>First day shown, a WIB calendar day.</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last day shown, inclusive, a WIB calendar day.</summary>
    public DateOnly? To { get; set; }

    /// <summary>Where the next page starts: the instant and id of the last row shown, newest first.</summary>
    public string? After { get; set; }

    public Dictionary<string, string> RouteValues(string? after = null)
    {
        var values = new Dictionary<string, string> { ["tab"] = Tab.ToString() };
        void Add(string key, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                values[key] = text;
            }
        }

        Add("clusterId", ClusterId);
        Add("sellerId", SellerId);
        Add("seller", Seller);
        Add("outcome", Outcome);
        Add("trigger", Trigger);
        Add("kind", Kind);
        Add("actor", Actor);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("after", after);
        return values;
    }

    public bool DaysInRange => InRange(From) && InRange(To);

    /// <summary>Drops a <see cref="From"/> or <see cref="To"/> outside <see cref="EarliestDay"/>..<see cref="LatestDay"/>; true when one was dropped.</summary>
    public bool DropDaysOutOfRange()
    {
        var dropped = !DaysInRange;
        From = InRange(From) ? From : null;
        To = InRange(To) ? To : null;
        return dropped;
    }

    internal (DateTimeOffset At, long Id)? Position()
    {
        var parts = (After ?? string.Empty).Split('_');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
                ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : null;
    }

    private static bool InRange(DateOnly? day) => day is not { } d || (d >= EarliestDay && d <= LatestDay);

    internal static string PositionOf(DateTimeOffset at, long id) => FormattableString.Invariant($"{at.UtcTicks}_{id}");
}

public sealed record DecisionRow(
    long Id, DateTimeOffset DecidedAt, long ListingId, string ListingTitle, int SellerId, string SellerName, string? ClusterCode,
    PolicyOutcome Outcome, IReadOnlyList<string> ReasonCodes, DecisionTrigger Trigger, string Actor, int PolicyVersion, string? MessageId, string? MessageEn);

public sealed record ActionRow(
    long Id, DateTimeOffset At, AdminActionKind Kind, string ActorEmail, string ActorUserId, int? ClusterId, string? ClusterCode, int? CategoryId,
    string? CategorySlug, int? SellerId, string? SellerName, long? ListingId, string? ListingTitle, string? Reason, string? Details);

/// <summary>One page of the trail, newest first, with a count that stops at <see cref="AuditTrail.CountLimit"/>.</summary>
public sealed record AuditPage<T>(IReadOnlyList<T> Rows, int Count, bool CountIsCapped, string? NextAfter);

/// <summary>
/// Every policy decision and every admin action, filtered and paged by position (newest first, by instant and id),
/// so a page costs the same on the millionth row as on the first; counts stop at a bound. Exports stream row by row.
/// </summary>
public sealed class AuditTrail(MarketplaceDbContext db)
{
    public const int PageSize = 50;
    public const int CountLimit = 10_000;

    public async Task<AuditPage<DecisionRow>> DecisionsAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var filtered = Decisions(filter);
        var count = await filtered.Take(CountLimit + 1).CountAsync(cancellationToken);
        var paged = filtered;
        if (filter.Position() is { } position)
        {
            paged = paged.Where(d => d.DecidedAt < position.At || (d.DecidedAt == position.At && d.Id < position.Id));
        }

        var rows = await Project(paged.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).Take(PageSize + 1)).ToListAsync(cancellationToken);
        var next = rows.Count > PageSize ? AuditFilter.PositionOf(rows[PageSize - 1].DecidedAt, rows[PageSize - 1].Id) : null;
        return new AuditPage<DecisionRow>(rows.Take(PageSize).ToList(), Math.Min(count, CountLimit), count > CountLimit, next);
    }

    public async Task<AuditPage<ActionRow>> ActionsAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var filtered = Actions(filter);
        var count = await filtered.Take(CountLimit + 1).CountAsync(cancellationToken);
        var paged = filtered;
        if (filter.Position() is { } position)
        {
            paged = paged.Where(a => a.At < position.At || (a.At == position.At && a.Id < position.Id));
        }

        var rows = await Project(paged.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(PageSize + 1)).ToListAsync(cancellationToken);
        var next = rows.Count > PageSize ? AuditFilter.PositionOf(rows[PageSize - 1].At, rows[PageSize - 1].Id) : null;
        return new AuditPage<ActionRow>(rows.Take(PageSize).ToList(), Math.Min(count, CountLimit), count > CountLimit, next);
    }

    public Task<List<ClusterOption>> ClustersAsync(CancellationToken cancellationToken) =>
        db.Clusters.AsNoTracking().OrderBy(c => c.Code).Select(c => new ClusterOption(c.Id, c.Code, c.NameId, c.NameEn)).ToListAsync(cancellationToken);

    /// <summary>Writes the filtered trail as a spreadsheet CSV (<see cref="SpreadsheetCsv"/>), one row at a time as the database returns them.</summary>
    public async Task WriteCsvAsync(AuditFilter filter, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var csv = CsvWriter.Create(output, SpreadsheetCsv.Options(), leaveOpen: true);
        if (filter.Tab == AuditTab.Actions)
        {
            await csv.WriteRecordAsync(
                ["action_id", "at_utc", "at_wib", "kind", "actor_email", "actor_user_id", "cluster", "category", "seller_id", "seller", "listing_id", "listing_title", "reason", "details"],
                cancellationToken);
            await foreach (var a in Project(Actions(filter).OrderByDescending(a => a.At).ThenByDescending(a => a.Id)).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await csv.WriteRecordAsync(
                [
                    Invariant(a.Id), Utc(a.At), WibStamp(a.At), a.Kind.ToString(), a.ActorEmail, a.ActorUserId, a.ClusterCode, a.CategorySlug,
                    Invariant(a.SellerId), a.SellerName, Invariant(a.ListingId), a.ListingTitle, a.Reason, a.Details,
                ],
                cancellationToken);
            }
        }
        else
        {
            await csv.WriteRecordAsync(
                ["decision_id", "decided_at_utc", "decided_at_wib", "listing_id", "listing_title", "seller_id", "seller", "cluster", "outcome", "reason_codes", "trigger", "actor", "policy_version", "message_en"],
                cancellationToken);
            await foreach (var d in Project(Decisions(filter).OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await csv.WriteRecordAsync(
                [
                    Invariant(d.Id), Utc(d.DecidedAt), WibStamp(d.DecidedAt), Invariant(d.ListingId), d.ListingTitle, Invariant(d.SellerId), d.SellerName, d.ClusterCode,
                    d.Outcome.ToString(), string.Join(' ', d.ReasonCodes), d.Trigger.ToString(), d.Actor, Invariant(d.PolicyVersion), d.MessageEn,
                ],
                cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    private IQueryable<PolicyDecision> Decisions(AuditFilter f)
    {
        var q = db.PolicyDecisions.AsNoTracking();
        if (f.ClusterId is { } cluster)
        {
            q = q.Where(d => d.ClusterId == cluster);
        }

        if (f.SellerId is { } seller)
        {
            q = q.Where(d => d.SellerId == seller);
        }

        if (NameLike(f.Seller) is { } named)
        {
            q = q.Where(d => db.Sellers.Any(s => s.Id == d.SellerId && EF.Functions.ILike(s.StoreName, named, LikeEscape)));
        }

        if (f.Outcome is { } outcome)
        {
            q = q.Where(d => d.Outcome == outcome);
        }

        if (f.Trigger is { } trigger)
        {
            q = q.Where(d => d.Trigger == trigger);
        }

        if (!string.IsNullOrWhiteSpace(f.Actor))
        {
            var actor = f.Actor.Trim();
            q = q.Where(d => d.Actor == actor);
        }

        if (f.From is { } from)
        {
            var start = Wib.StartOf(from);
            q = q.Where(d => d.DecidedAt >= start);
        }

        if (f.To is { } to)
        {
            var end = Wib.StartOf(to.AddDays(1));
            q = q.Where(d => d.DecidedAt < end);
        }

        return q;
    }

    private IQueryable<AdminAction> Actions(AuditFilter f)
    {
        var q = db.AdminActions.AsNoTracking();
        if (f.ClusterId is { } cluster)
        {
            q = q.Where(a => a.ClusterId == cluster);
        }

        if (f.SellerId is { } seller)
        {
            q = q.Where(a => a.SellerId == seller);
        }

        if (NameLike(f.Seller) is { } named)
        {
            q = q.Where(a => db.Sellers.Any(s => s.Id == a.SellerId && EF.Functions.ILike(s.StoreName, named, LikeEscape)));
        }

        if (f.Kind is { } kind)
        {
            q = q.Where(a => a.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(f.Actor))
        {
            var actor = f.Actor.Trim();
            q = q.Where(a => a.ActorEmail == actor);
        }

        if (f.From is { } from)
        {
            var start = Wib.StartOf(from);
            q = q.Where(a => a.At >= start);
        }

        if (f.To is { } to)
        {
            var end = Wib.StartOf(to.AddDays(1));
            q = q.Where(a => a.At < end);
        }

        return q;
    }

    private IQueryable<DecisionRow> Project(IQueryable<PolicyDecision> decisions) =>
        from d in decisions
        join l in db.Listings on d.ListingId equals l.Id
        join s in db.Sellers on d.SellerId equals s.Id
        select new DecisionRow(
            d.Id, d.DecidedAt, d.ListingId, l.Title, d.SellerId, s.StoreName, db.Clusters.Where(c => c.Id == d.ClusterId).Select(c => c.Code).FirstOrDefault(),
            d.Outcome, d.ReasonCodes, d.Trigger, d.Actor, d.PolicyVersion, d.MessageId, d.MessageEn);

    private IQueryable<ActionRow> Project(IQueryable<AdminAction> actions) =>
        from a in actions
        select new ActionRow(
            a.Id, a.At, a.Kind, a.ActorEmail, a.ActorUserId,
            a.ClusterId, db.Clusters.Where(c => c.Id == a.ClusterId).Select(c => c.Code).FirstOrDefault(),
            a.CategoryId, db.Categories.Where(c => c.Id == a.CategoryId).Select(c => c.Slug).FirstOrDefault(),
            a.SellerId, db.Sellers.Where(s => s.Id == a.SellerId).Select(s => s.StoreName).FirstOrDefault(),
            a.ListingId, db.Listings.Where(l => l.Id == a.ListingId).Select(l => l.Title).FirstOrDefault(),
            a.Reason, a.Details);

    private static string? Invariant(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private const string LikeEscape = "\\";

    /// <summary>A LIKE pattern matching names that contain the typed text, its own % and _ taken literally.</summary>
    private static string? NameLike(string? typed) =>
        string.IsNullOrWhiteSpace(typed)
            ? null
            : "%" + typed.Trim().Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal).Replace("%", LikeEscape + "%", StringComparison.Ordinal).Replace("_", LikeEscape + "_", StringComparison.Ordinal) + "%";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string WibStamp(DateTimeOffset at) => at.ToOffset(Wib.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

using System.Globalization;
using CsvHelper;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Policy;
using Marketplace.Domain;
using Npgsql;

namespace Marketplace.Web.Features.Enforcement;

/// <summary>The days a compliance report covers, WIB calendar days, both inclusive.</summary>
public sealed record ComplianceRange(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;

    /// <summary>The longest range a report covers, so one request cannot ask for decades of rows.</summary>
    public const int MaxDays = 366;

    public DateTimeOffset Start => Wib.StartOf(From);

    public DateTimeOffset End => Wib.StartOf(To.AddDays(1));

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The last <see cref="DefaultDays"/> WIB days up to today.</summary>
    public static ComplianceRange LastDays(DateTimeOffset now)
    {
        var today = Wib.DayOf(now);
        return new ComplianceRange(today.AddDays(1 - DefaultDays), today);
    }

    /// <summary>The range asked for, or null when it is backwards, too long or outside the days an instant can name.</summary>
    public static ComplianceRange? Of(DateOnly from, DateOnly to) =>
        from > to || to.DayNumber - from.DayNumber + 1 > MaxDays || from.Year < 2000 || to.Year > 2099 ? null : new ComplianceRange(from, to);
}

/// <summary>What the policy and the admins did in one cluster on one day (cluster 0: listings with none).</summary>
public sealed record ClusterDay(DateOnly Day, int ClusterId, long Blocked, long Held, long Released, long Granted, long Upheld, long Strikes);

/// <summary>The whole site's day, with shops suspended and closed, which belong to no cluster.</summary>
public sealed record ComplianceDay(DateOnly Day, long Blocked, long Held, long Released, long Granted, long Upheld, long Strikes, long ShopsSuspended, long ShopsClosed);

/// <summary>Appeals decided against one rule: granted ones are the rule's false positives.</summary>
public sealed record RuleAppeals(string Rule, long Granted, long Upheld)
{
    public double? FalsePositiveRate => Granted + Upheld == 0 ? null : (double)Granted / (Granted + Upheld);
}

/// <summary>The median and 90th percentile of how long something took, over <paramref name="Count"/> cases.</summary>
public sealed record Durations(long Count, TimeSpan? Median, TimeSpan? P90);

public sealed record StruckShop(int SellerId, string StoreName, long Strikes);

public sealed record ClusterName(int Id, string Code, string NameId, string NameEn);

public sealed record ComplianceFigures(
    ComplianceRange Range,
    IReadOnlyList<ClusterName> Clusters,
    IReadOnlyList<ClusterDay> ClusterDays,
    IReadOnlyList<ComplianceDay> Days,
    IReadOnlyList<RuleAppeals> Rules,
    Durations Review,
    Durations Appeals,
    IReadOnlyList<StruckShop> TopShops);

/// <summary>
/// "Is the policy working?": set-based counts over the decision, strike, appeal, closure and audit tables for a range
/// of WIB days. One aggregate statement per table, each reading only the range through an index on its instant; the
/// decisions, millions of rows, and the review times are read for closed days as the rollup holds them
/// (<see cref="ComplianceRollup"/>) and looked up only since, so the page stays quick at millions of decisions
/// (tests/benchmarks/compliance.sh). Hand-written SQL because EF cannot express percentile_cont or the lateral look-ups.
/// </summary>
public sealed class ComplianceReport(NpgsqlDataSource data)
{
    public const int TopShopCount = 10;

    /// <summary>The later of the range's start and the start of the first day the rollup does not hold.</summary>
    private static readonly string SinceMark = $"greatest(@start, ({Wib.StartSql($"({ComplianceRollup.MarkSql})")}))";

    /// <summary>
    /// The closed days the rollup holds (<see cref="ComplianceRollup"/>), then the decisions since its mark, counted as
    /// they stand: never both for one day.
    /// </summary>
    private static readonly string DecisionsSql = $"""
        SELECT c.day, c.cluster_id, c.blocked, c.held, c.released
        FROM decision_day_counts c
        WHERE c.day >= {Wib.DaySql("@start")} AND c.day < {Wib.DaySql("@end")} AND c.day < ({ComplianceRollup.MarkSql})
        UNION ALL
        {ComplianceRollup.CountDecisionsSql(SinceMark, "@end")}
        """;

    /// <summary>An appeal's rule: the strike's, or the reasons of the listing's last decision before the appeal.</summary>
    private static readonly string AppealsSql = $"""
        SELECT {Wib.DaySql("a.decided_at")} AS day, coalesce(s.cluster_id, d.cluster_id, 0), coalesce(s.reason_code, d.reason_codes[1], ''),
               count(*) FILTER (WHERE a.status = {(int)AppealStatus.Granted}),
               count(*) FILTER (WHERE a.status = {(int)AppealStatus.Upheld})
        FROM appeals a
        LEFT JOIN strikes s ON a.subject = {(int)AppealSubject.Strike} AND s.id = a.subject_id
        LEFT JOIN LATERAL (
            SELECT p.cluster_id, p.reason_codes FROM policy_decisions p
            WHERE a.subject <> {(int)AppealSubject.Strike} AND p.listing_id = a.listing_id AND p.decided_at <= a.submitted_at
                AND p.outcome <> {(int)PolicyOutcome.Allowed}
            ORDER BY p.decided_at DESC LIMIT 1) d ON true
        WHERE a.decided_at >= @start AND a.decided_at < @end AND a.status IN ({(int)AppealStatus.Granted}, {(int)AppealStatus.Upheld})
        GROUP BY 1, 2, 3
        """;

    private static readonly string StrikesSql = $"""
        SELECT {Wib.DaySql("s.issued_at")} AS day, coalesce(s.cluster_id, 0), count(*)
        FROM strikes s
        WHERE s.issued_at >= @start AND s.issued_at < @end
        GROUP BY 1, 2
        """;

    private static readonly string ShopsSql = $"""
        SELECT day, sum(suspended), sum(closed) FROM (
            SELECT {Wib.DaySql("a.at")} AS day, count(DISTINCT a.seller_id) AS suspended, 0 AS closed
            FROM admin_actions a
            WHERE a.kind IN ({(int)AdminActionKind.SellerSuspended}, {(int)AdminActionKind.SellerSuspendedForStrikes}) AND a.at >= @start AND a.at < @end
            GROUP BY 1
            UNION ALL
            SELECT {Wib.DaySql("c.applied_at")}, 0, sum(cardinality(c.seller_ids))
            FROM shop_closures c
            WHERE c.applied_at >= @start AND c.applied_at < @end
            GROUP BY 1) t
        GROUP BY day
        """;

    /// <summary>
    /// From the hold (the listing's last decision sending it to review) to the admin's approval or rejection: the reviews
    /// of closed days as the rollup holds them, then those since its mark looked up as they stand.
    /// </summary>
    private static readonly string ReviewSql = $"""
        SELECT count(*), percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY t.seconds)
        FROM (
            SELECT r.seconds FROM review_times r
            WHERE r.day >= {Wib.DaySql("@start")} AND r.day < {Wib.DaySql("@end")} AND r.day < ({ComplianceRollup.MarkSql})
            UNION ALL
            SELECT live.seconds FROM ({ComplianceRollup.ReviewTimesSql(SinceMark, "@end")}) live) t
        """;

    private static readonly string AppealTimeSql = $"""
        SELECT count(*), percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM a.decided_at - a.submitted_at))
        FROM appeals a
        WHERE a.decided_at >= @start AND a.decided_at < @end AND a.status IN ({(int)AppealStatus.Granted}, {(int)AppealStatus.Upheld})
        """;

    private static readonly string TopShopsSql = $"""
        SELECT s.seller_id, sel.store_name, count(*)
        FROM strikes s JOIN sellers sel ON sel.id = s.seller_id
        WHERE s.issued_at >= @start AND s.issued_at < @end
        GROUP BY s.seller_id, sel.store_name
        ORDER BY 3 DESC, 1
        LIMIT {TopShopCount}
        """;

    /// <summary>The statements that read a range (<c>@start</c>, <c>@end</c>), named, for the benchmark's EXPLAIN.</summary>
    internal static IReadOnlyList<(string Name, string Sql)> RangeStatements =>
        [("decisions", DecisionsSql), ("appeals", AppealsSql), ("strikes", StrikesSql), ("shops", ShopsSql), ("review", ReviewSql), ("appeal time", AppealTimeSql), ("top shops", TopShopsSql)];

    public async Task<ComplianceFigures> ReportAsync(ComplianceRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        await using var connection = await data.OpenConnectionAsync(cancellationToken);
        var clusters = await ReadAsync(connection, "SELECT id, code, name_id, name_en FROM clusters ORDER BY code", null, r => new ClusterName(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3)), cancellationToken);
        var decisions = await ReadAsync(connection, DecisionsSql, range, r => (Day: Day(r, 0), Cluster: r.GetInt32(1), Blocked: r.GetInt64(2), Held: r.GetInt64(3), Released: r.GetInt64(4)), cancellationToken);
        var appeals = await ReadAsync(connection, AppealsSql, range, r => (Day: Day(r, 0), Cluster: r.GetInt32(1), Rule: r.GetString(2), Granted: r.GetInt64(3), Upheld: r.GetInt64(4)), cancellationToken);
        var strikes = await ReadAsync(connection, StrikesSql, range, r => (Day: Day(r, 0), Cluster: r.GetInt32(1), Count: r.GetInt64(2)), cancellationToken);
        var shops = (await ReadAsync(connection, ShopsSql, range, r => (Day: Day(r, 0), Suspended: r.GetInt64(1), Closed: r.GetInt64(2)), cancellationToken)).ToDictionary(s => s.Day);
        var review = (await ReadAsync(connection, ReviewSql, range, ReadDurations, cancellationToken)).Single();
        var appealTime = (await ReadAsync(connection, AppealTimeSql, range, ReadDurations, cancellationToken)).Single();
        var top = await ReadAsync(connection, TopShopsSql, range, r => new StruckShop(r.GetInt32(0), r.GetString(1), r.GetInt64(2)), cancellationToken);

        var keys = decisions.Select(d => (d.Day, d.Cluster)).Concat(appeals.Select(a => (a.Day, a.Cluster))).Concat(strikes.Select(s => (s.Day, s.Cluster))).Distinct();
        var decisionsBy = decisions.ToDictionary(d => (d.Day, d.Cluster));
        var appealsBy = appeals.ToLookup(a => (a.Day, a.Cluster));
        var strikesBy = strikes.ToDictionary(s => (s.Day, s.Cluster), s => s.Count);
        var clusterDays = keys
            .Select(k =>
            {
                var d = decisionsBy.GetValueOrDefault(k);
                return new ClusterDay(k.Day, k.Cluster, d.Blocked, d.Held, d.Released, appealsBy[k].Sum(a => a.Granted), appealsBy[k].Sum(a => a.Upheld), strikesBy.GetValueOrDefault(k));
            })
            .OrderBy(c => c.Day).ThenBy(c => c.ClusterId)
            .ToList();
        var days = Enumerable.Range(0, range.Days).Select(range.From.AddDays)
            .Select(day =>
            {
                var of = clusterDays.Where(c => c.Day == day).ToList();
                var shop = shops.GetValueOrDefault(day);
                return new ComplianceDay(day, of.Sum(c => c.Blocked), of.Sum(c => c.Held), of.Sum(c => c.Released), of.Sum(c => c.Granted), of.Sum(c => c.Upheld), of.Sum(c => c.Strikes), shop.Suspended, shop.Closed);
            })
            .ToList();
        var rules = appeals.GroupBy(a => a.Rule)
            .Select(g => new RuleAppeals(g.Key, g.Sum(a => a.Granted), g.Sum(a => a.Upheld)))
            .OrderByDescending(r => r.Granted + r.Upheld).ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ToList();
        return new ComplianceFigures(range, clusters, clusterDays, days, rules, review, appealTime, top);
    }

    /// <summary>The report's per-cluster days as a spreadsheet CSV (<see cref="SpreadsheetCsv"/>), then the whole site's days.</summary>
    public static async Task WriteCsvAsync(ComplianceFigures figures, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var codes = figures.Clusters.ToDictionary(c => c.Id, c => c.Code);
        await using var csv = CsvWriter.Create(output, SpreadsheetCsv.Options(), leaveOpen: true);
        await csv.WriteRecordAsync(
            ["day_wib", "cluster", "attempts_blocked", "held_for_review", "released_on_review", "appeals_granted", "appeals_upheld", "strikes_issued", "shops_suspended", "shops_closed"],
            cancellationToken);
        foreach (var c in figures.ClusterDays)
        {
            await csv.WriteRecordAsync(
                [Day(c.Day), codes.GetValueOrDefault(c.ClusterId, "-"), N(c.Blocked), N(c.Held), N(c.Released), N(c.Granted), N(c.Upheld), N(c.Strikes), string.Empty, string.Empty],
                cancellationToken);
        }

        foreach (var d in figures.Days)
        {
            await csv.WriteRecordAsync(
                [Day(d.Day), "ALL", N(d.Blocked), N(d.Held), N(d.Released), N(d.Granted), N(d.Upheld), N(d.Strikes), N(d.ShopsSuspended), N(d.ShopsClosed)],
                cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static DateOnly Day(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    private static Durations ReadDurations(NpgsqlDataReader reader)
    {
        var count = reader.GetInt64(0);
        var percentiles = reader.IsDBNull(1) ? null : reader.GetFieldValue<double[]>(1);
        return new Durations(count, percentiles is null ? null : TimeSpan.FromSeconds(percentiles[0]), percentiles is null ? null : TimeSpan.FromSeconds(percentiles[1]));
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, ComplianceRange? range, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (range is not null)
        {
            command.Parameters.AddWithValue("start", range.Start);
            command.Parameters.AddWithValue("end", range.End);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}

using System.Diagnostics;
using System.Globalization;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Policy;
using Marketplace.Web.Features.Enforcement;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// The compliance page's report (the real ComplianceReport) over many listings and decision rows spread across 90 days,
/// against a baseline measured in the same run: a bare count(*) of the decision rows in the same 30 days.
/// </summary>
internal static class ComplianceBenchmark
{
    private const int Days = 90;

    public static async Task RunAsync(string[] args)
    {
        var listings = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var decisions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000_000;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 7;
        var explain = args.Length > 3 && args[3] == "explain";
        var kept = Environment.GetEnvironmentVariable("BENCH_KEEP_DIR");

        var site = new BenchmarkSite(keptFolder: string.IsNullOrEmpty(kept) ? null : Path.GetFullPath(kept));
        await site.StartAsync();
        try
        {
            await using var data = NpgsqlDataSource.Create(site.ConnectionString);
            var watch = Stopwatch.StartNew();
            var loaded = await CountRowsAsync(data);
            if (loaded == (listings, decisions))
            {
                Console.WriteLine($"Reusing the {listings:N0} listings and {decisions:N0} decisions kept in {kept}.");
            }
            else if (loaded != (0, 0))
            {
                throw new InvalidOperationException($"{kept} holds {loaded.Listings:N0} listings and {loaded.Decisions:N0} decisions, not the numbers asked for: delete the folder.");
            }
            else
            {
                await BenchmarkData.LoadAsync(data, ClusterCodes.Textile, listings / 2, listings - (listings / 2));
                await LoadDecisionsAsync(data, decisions);
                await BenchmarkData.VacuumAsync(data);
                Console.WriteLine($"Loaded {listings:N0} listings and {decisions:N0} decisions over {Days} days, with strikes, appeals and reviews, in {watch.Elapsed.TotalSeconds:N0} s.");
            }

            // What the site's periodic job does: count the closed days into the rollup; the report counts today's decisions itself.
            watch.Restart();
            var rolled = await site.WithServiceAsync<ComplianceRollup, DateOnly?>(r => r.RollAsync(CancellationToken.None));
            Console.WriteLine($"Rollup run counting the closed days before {rolled:yyyy-MM-dd} (WIB) it did not hold yet: {watch.Elapsed.TotalSeconds:N1} s.");
            watch.Restart();
            await site.WithServiceAsync<ComplianceRollup, DateOnly?>(r => r.RollAsync(CancellationToken.None));
            Console.WriteLine($"A periodic rollup run, counting the last closed day again: {watch.Elapsed.TotalMilliseconds:N0} ms.");

            var range = ComplianceRange.LastDays(DateTimeOffset.UtcNow);
            var rows = await CountAsync(data, range);
            Console.WriteLine($"Decision rows in the report's {range.Days} days: {rows:N0}, of which the report counts {await CountAsync(data, range with { From = rolled > range.From ? rolled.Value : range.From }):N0} live (since the rollup's mark).");
            var report = new List<double>();
            var baseline = new List<double>();
            ComplianceFigures? figures = null;
            for (var run = 0; run <= runs; run++)
            {
                var timed = Stopwatch.StartNew();
                await CountAsync(data, range);
                var bare = timed.Elapsed.TotalMilliseconds;
                timed.Restart();
                figures = await site.WithServiceAsync<ComplianceReport, ComplianceFigures>(r => r.ReportAsync(range, CancellationToken.None));
                var page = timed.Elapsed.TotalMilliseconds;

                // The first run warms the caches and is not counted.
                if (run > 0)
                {
                    baseline.Add(bare);
                    report.Add(page);
                }
            }

            if (explain)
            {
                await ExplainAsync(data, range);
            }

            Console.WriteLine($"Report: {figures!.ClusterDays.Count} cluster-days, {figures.Days.Sum(d => d.Blocked):N0} blocked, {figures.Days.Sum(d => d.Held):N0} held, {figures.Days.Sum(d => d.Strikes):N0} strikes, review p50 {figures.Review.Median}, appeal p50 {figures.Appeals.Median}");
            Console.WriteLine($"{"",-34} {"p50 ms",8} {"p90 ms",8}");
            Console.WriteLine($"{"compliance report",-34} {Percentile(report, 0.5),8:N0} {Percentile(report, 0.9),8:N0}");
            Console.WriteLine($"{"baseline: count(*) of the rows",-34} {Percentile(baseline, 0.5),8:N0} {Percentile(baseline, 0.9),8:N0}");
            Console.WriteLine($"{"report / baseline",-34} {Percentile(report, 0.5) / Percentile(baseline, 0.5),8:N2} {Percentile(report, 0.9) / Percentile(baseline, 0.9),8:N2}");
        }
        finally
        {
            await site.StopAsync();
        }
    }

    /// <summary>
    /// Decisions, strikes, appeals and reviews over the loaded listings, written straight in SQL: set-up, not a path of the
    /// product. The decisions go in in time order, as the site appends them when they are made, so a day's decisions lie
    /// together in the table as they do in production.
    /// </summary>
    private static async Task LoadDecisionsAsync(NpgsqlDataSource data, int decisions)
    {
        var attempts = string.Join(", ", Enum.GetValues<DecisionTrigger>().Where(StrikeRules.IsSellerAttempt).Select(t => (int)t));
        var sql = $$"""
            CREATE TEMP TABLE bench_listings AS
            SELECT row_number() OVER (ORDER BY l.id) AS n, l.id, l.seller_id, c.cluster_id
            FROM listings l JOIN categories c ON c.id = l.category_id;
            CREATE UNIQUE INDEX ON bench_listings (n);
            ANALYZE bench_listings;

            INSERT INTO policy_decisions (listing_id, seller_id, cluster_id, outcome, reason_codes, policy_version, trigger, actor, decided_at)
            SELECT l.id, l.seller_id, l.cluster_id,
                   CASE WHEN g % 10 < 7 THEN {{(int)PolicyOutcome.Allowed}} WHEN g % 10 = 7 THEN {{(int)PolicyOutcome.NeedsReview}} ELSE {{(int)PolicyOutcome.Blocked}} END,
                   CASE WHEN g % 10 < 7 THEN '{}'::text[] WHEN g % 10 = 7 THEN ARRAY['{{ReasonCodes.SuspectedMisclassification}}'] ELSE ARRAY['{{ReasonCodes.ClusterBlocked}}'] END,
                   1,
                   (ARRAY[{{attempts}}, {{(int)DecisionTrigger.AdminApproval}}, {{(int)DecisionTrigger.ClusterBlocked}}])[1 + g % 6],
                   'bench', now() - make_interval(mins => ((g::bigint * 7919) % ({{Days}} * 24 * 60))::int) AS decided_at
            FROM generate_series(1, @decisions) g
            JOIN bench_listings l ON l.n = 1 + g % (SELECT count(*) FROM bench_listings)
            ORDER BY decided_at;

            INSERT INTO strikes (seller_id, listing_id, cluster_id, source, reason_code, issued_at, expires_at)
            SELECT l.seller_id, l.id, l.cluster_id, {{(int)StrikeSource.BlockedAttempt}}, '{{ReasonCodes.ClusterBlocked}}', t, t + interval '90 days'
            FROM generate_series(1, @decisions / 100) g
            JOIN bench_listings l ON l.n = 1 + (g::bigint * 31) % (SELECT count(*) FROM bench_listings)
            CROSS JOIN LATERAL (SELECT now() - make_interval(mins => ((g::bigint * 6007) % ({{Days}} * 24 * 60))::int) AS t) i;

            INSERT INTO appeals (seller_id, subject, subject_id, listing_id, statement, submitted_at, due_at, status, decided_at, decided_by, decision_note)
            SELECT s.seller_id, {{(int)AppealSubject.Strike}}, s.id, s.listing_id, 'Benchmark', s.issued_at, s.issued_at + interval '3 days',
                   CASE WHEN s.id % 3 = 0 THEN {{(int)AppealStatus.Granted}} ELSE {{(int)AppealStatus.Upheld}} END,
                   s.issued_at + make_interval(hours => (s.id % 72)::int), 'bench', 'Benchmark'
            FROM strikes s WHERE s.id % 5 = 0;

            INSERT INTO admin_actions (kind, actor_user_id, actor_email, seller_id, listing_id, at)
            SELECT CASE WHEN d.id % 4 = 0 THEN {{(int)AdminActionKind.ListingRejected}} ELSE {{(int)AdminActionKind.ListingApproved}} END,
                   'bench', 'bench@example.id', d.seller_id, d.listing_id, d.decided_at + make_interval(mins => (d.id % 600)::int)
            FROM policy_decisions d
            WHERE d.outcome = {{(int)PolicyOutcome.NeedsReview}} AND d.id % 7 = 0;
            """;
        await using var connection = await data.OpenConnectionAsync();
        await using var load = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        load.Parameters.AddWithValue("decisions", decisions);
        await load.ExecuteNonQueryAsync();
    }

    private static async Task<(long Listings, long Decisions)> CountRowsAsync(NpgsqlDataSource data)
    {
        await using var count = data.CreateCommand("SELECT (SELECT count(*) FROM listings), (SELECT count(*) FROM policy_decisions)");
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Where the report's time goes: each of its statements under EXPLAIN (ANALYZE, BUFFERS).</summary>
    private static async Task ExplainAsync(NpgsqlDataSource data, ComplianceRange range)
    {
        foreach (var (name, sql) in ComplianceReport.RangeStatements)
        {
            await using var command = data.CreateCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql);
            command.Parameters.AddWithValue("start", range.Start);
            command.Parameters.AddWithValue("end", range.End);
            await using var reader = await command.ExecuteReaderAsync();
            Console.WriteLine($"--- {name}");
            while (await reader.ReadAsync())
            {
                Console.WriteLine(reader.GetString(0));
            }
        }
    }

    private static async Task<long> CountAsync(NpgsqlDataSource data, ComplianceRange range)
    {
        await using var count = data.CreateCommand("SELECT count(*) FROM policy_decisions WHERE decided_at >= @start AND decided_at < @end");
        count.Parameters.AddWithValue("start", range.Start);
        count.Parameters.AddWithValue("end", range.End);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(fraction * sorted.Count) - 1)];
    }
}

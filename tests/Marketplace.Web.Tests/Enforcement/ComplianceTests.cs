using System.Globalization;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Domain;
using Marketplace.Web.Features.Admin.Review;
using Marketplace.Web.Features.Admin.Sellers;
using Marketplace.Web.Features.Enforcement;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Sellers.Shop;
using Marketplace.Web.Tests.Admin;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Enforcement;

/// <summary>The compliance page's figures equal counts taken straight from the decision, strike, appeal, closure and audit tables.</summary>
public sealed class ComplianceTests(ComplianceTests.Fixture fixture) : IClassFixture<ComplianceTests.Fixture>
{
    private const int RollupSeconds = 600;

    private readonly EnforcementScenario _scenario = new(fixture.App);

    [Fact]
    public async Task The_report_counts_what_the_tables_hold_per_cluster_and_day_with_review_and_appeal_times()
    {
        var admin = EnforcementScenario.Admin;
        var seller = await _scenario.Policy.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        await _scenario.BlockedAttemptAsync(seller, "Kemeja Batik Impor A");
        await _scenario.BlockedAttemptAsync(seller, "Kemeja Batik Impor B");
        var approved = await _scenario.HeldForReviewAsync(seller, "Casing HP Motif Batik Parang");
        var rejected = await _scenario.HeldForReviewAsync(seller, "Casing HP Motif Batik Kawung");
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await _scenario.WithAsync<ListingReview, ReviewOutcome>(r => r.ApproveAsync([approved], admin, CancellationToken.None));
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await _scenario.RejectAsync(rejected, "Ini kain batik, bukan casing.", admin);

        var strike = (await _scenario.StrikeRowsAsync(seller)).First();
        await SubmitAsync(seller, $"Strike:{strike.Id}");
        await SubmitAsync(seller, $"ListingRejection:{rejected}");
        var appeals = await _scenario.Policy.WithDbAsync(db => db.Appeals.AsNoTracking().Where(a => a.SellerId == seller).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        fixture.Clock.Advance(TimeSpan.FromHours(5));
        await _scenario.WithAsync<AppealDesk, bool>(async d => { await d.GrantAsync(appeals[0], "Dijahit di Pekalongan.", admin, CancellationToken.None); return true; });
        await _scenario.WithAsync<AppealDesk, bool>(async d => { await d.UpholdAsync(appeals[1], "Tetap kain.", admin, CancellationToken.None); return true; });

        var suspended = await _scenario.Policy.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        await _scenario.WithAsync<SellerConsole, RedecisionSummary>(c => c.SuspendAsync(suspended, "Dokumen palsu", admin, CancellationToken.None));
        var closed = await _scenario.Policy.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        await _scenario.WithAsync<ShopClosures, long>(c => c.ScheduleAsync([closed], "Tahap 4", fixture.Clock.GetUtcNow(), admin, CancellationToken.None));

        var report = await ShouldEqualTheTablesAsync(ComplianceRange.LastDays(fixture.Clock.GetUtcNow()));

        report.Days.Sum(d => d.Blocked).Should().BeGreaterThanOrEqualTo(2);
        report.Days.Sum(d => d.Held).Should().BeGreaterThanOrEqualTo(2);
        report.Days.Sum(d => d.Released).Should().BeGreaterThanOrEqualTo(1);
        report.Days.Sum(d => d.ShopsSuspended).Should().BeGreaterThanOrEqualTo(1);
        report.Days.Sum(d => d.ShopsClosed).Should().BeGreaterThanOrEqualTo(1);
        report.Appeals.Median.Should().Be(TimeSpan.FromHours(5));
        report.Rules.Should().ContainSingle(r => r.Rule == ReasonCodes.ClusterBlocked).Which.Should().Be(new RuleAppeals(ReasonCodes.ClusterBlocked, 1, 0));
        report.Rules.Should().ContainSingle(r => r.Rule == ReasonCodes.SuspectedMisclassification, "a rejection is appealed against the rule that held the listing")
            .Which.FalsePositiveRate.Should().Be(0);
        report.TopShops[0].SellerId.Should().Be(seller);

        var client = await AdminPages.AdminClientAsync(fixture.App);
        var page = await client.GetDocumentAsync("/Admin/Compliance");
        var today = report.Days[^1];
        var row = page.QuerySelector($"#compliance-days tr[data-day='{today.Day:yyyy-MM-dd}']")!;
        row.QuerySelector("[data-figure=blocked]")!.TextContent.Should().Be(today.Blocked.ToString(CultureInfo.InvariantCulture));
        row.QuerySelector("[data-figure=strikes]")!.TextContent.Should().Be(today.Strikes.ToString(CultureInfo.InvariantCulture));
        page.QuerySelectorAll("#chart-blocked rect[data-amount]").Should().HaveCount(ComplianceRange.DefaultDays);
        var csv = await client.GetStringAsync(page.QuerySelector("#compliance-export")!.GetAttribute("href")!);
        csv.Should().Contain(FormattableString.Invariant($"{today.Day:yyyy-MM-dd},ALL,{today.Blocked},{today.Held},{today.Released},{today.Granted},{today.Upheld},{today.Strikes},{today.ShopsSuspended},{today.ShopsClosed}"));
    }

    [Fact]
    public async Task A_backwards_range_shows_the_last_thirty_days_with_a_message()
    {
        var client = await AdminPages.AdminClientAsync(fixture.App);

        var page = await client.GetDocumentAsync("/Admin/Compliance?From=2026-05-10&To=2026-05-01");

        page.QuerySelector(".alert-danger")!.TextContent.Should().Contain("Rentang tanggal tidak sah");
        page.QuerySelectorAll("#compliance-days tr[data-day]").Should().HaveCount(ComplianceRange.DefaultDays);
    }

    [Fact]
    public async Task Closed_days_come_from_the_rollup_and_stay_equal_to_the_tables_across_day_boundaries_new_decisions_and_late_commits()
    {
        var seller = await _scenario.Policy.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var blocked = await _scenario.BlockedAttemptAsync(seller, "Kemeja Batik Impor Rollup");
        var held = await _scenario.HeldForReviewAsync(seller, "Casing HP Motif Batik Mega Mendung");
        var first = Wib.DayOf(fixture.Clock.GetUtcNow());
        var range = ComplianceRange.Of(first.AddDays(-1), first.AddDays(3))!;
        await ShouldEqualTheTablesAsync(range);

        // An hour (the grace) after WIB midnight the day is closed, and the periodic job, due again, counts it into the rollup.
        fixture.Clock.SetUtcNow(Wib.StartOf(first.AddDays(1)) + TimeSpan.FromMinutes(61) + TimeSpan.FromSeconds(RollupSeconds));
        await MarkReachesAsync(first.AddDays(1));
        (await RolledAsync(first)).Blocked.Should().BeGreaterThanOrEqualTo(1);

        // The next day's decisions and a review spanning midnight are counted live next to the rolled day.
        await _scenario.BlockedAttemptAsync(seller, "Kemeja Batik Impor Rollup B");
        await _scenario.WithAsync<ListingReview, ReviewOutcome>(r => r.ApproveAsync([held], EnforcementScenario.Admin, CancellationToken.None));
        var report = await ShouldEqualTheTablesAsync(range);
        report.Review.Count.Should().BeGreaterThanOrEqualTo(1);

        // A decision of the closed day whose transaction committed after the day was counted: the next run counts the day again.
        var late = await LateDecisionAsync(blocked, Wib.StartOf(first.AddDays(1)) - TimeSpan.FromSeconds(1));
        fixture.Clock.Advance(TimeSpan.FromSeconds(RollupSeconds + 1));
        await Eventually.WaitForAsync(() => RolledAsync(first), c => c.Blocked == late, "the closed day counted again with the late decision");
        await ShouldEqualTheTablesAsync(range);

        // Two days on, both days are in the rollup, and the report still equals the tables.
        fixture.Clock.SetUtcNow(Wib.StartOf(first.AddDays(2)) + TimeSpan.FromMinutes(61) + TimeSpan.FromSeconds(RollupSeconds));
        await MarkReachesAsync(first.AddDays(2));
        (await RolledAsync(first.AddDays(1))).Blocked.Should().BeGreaterThanOrEqualTo(1);
        (await _scenario.Policy.WithDbAsync(db => db.Set<ReviewTime>().CountAsync(r => r.Day == first.AddDays(1)))).Should().BeGreaterThanOrEqualTo(1);
        await ShouldEqualTheTablesAsync(range);
    }

    /// <summary>The report for the range, checked against counts taken straight from the tables.</summary>
    private async Task<ComplianceFigures> ShouldEqualTheTablesAsync(ComplianceRange range)
    {
        var report = await _scenario.WithAsync<ComplianceReport, ComplianceFigures>(r => r.ReportAsync(range, CancellationToken.None));
        var expected = await DirectCountsAsync(range);

        report.ClusterDays.Select(c => (c.Day, c.ClusterId, c.Blocked, c.Held, c.Released, c.Strikes))
            .Where(c => c.Blocked + c.Held + c.Released + c.Strikes > 0)
            .Should().BeEquivalentTo(expected.ClusterDays);
        report.Days.Select(d => (d.Day, d.Granted, d.Upheld, d.ShopsSuspended, d.ShopsClosed)).Where(d => d.Granted + d.Upheld + d.ShopsSuspended + d.ShopsClosed > 0)
            .Should().BeEquivalentTo(expected.Days);
        report.Review.Should().Be(expected.Review);
        report.Appeals.Should().Be(expected.Appeals);
        report.TopShops.Select(s => (s.SellerId, s.Strikes)).Should().Equal(expected.TopShops);
        return report;
    }

    private Task<DateOnly> MarkReachesAsync(DateOnly day) =>
        Eventually.WaitForAsync(
            () => _scenario.Policy.WithDbAsync(db => db.Set<RollupMark>().Where(m => m.Name == ComplianceRollup.MarkName).Select(m => m.Until).SingleOrDefaultAsync()),
            until => until >= day,
            $"the compliance rollup to hold the days before {day}");

    /// <summary>The day's decision figures as the rollup holds them, summed over the clusters.</summary>
    private Task<(long Blocked, long Held)> RolledAsync(DateOnly day) =>
        _scenario.Policy.WithDbAsync(async db =>
        {
            var rows = await db.Set<DecisionDayCount>().AsNoTracking().Where(c => c.Day == day).ToListAsync();
            return (rows.Sum(c => c.Blocked), rows.Sum(c => c.Held));
        });

    /// <summary>
    /// A copy of the listing's last decision at <paramref name="at"/>, written as a transaction that took its instant
    /// before midnight and committed after the rollup counted the day would leave it; returns the day's blocked attempts now.
    /// </summary>
    private Task<long> LateDecisionAsync(long listingId, DateTimeOffset at) =>
        _scenario.Policy.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO policy_decisions (listing_id, seller_id, cluster_id, outcome, reason_codes, message_id, message_en, policy_version, trigger, actor, decided_at)
                SELECT listing_id, seller_id, cluster_id, outcome, reason_codes, message_id, message_en, policy_version, trigger, actor, {at}
                FROM policy_decisions WHERE listing_id = {listingId} ORDER BY id DESC LIMIT 1
                """);
            var (start, end) = (Wib.StartOf(Wib.DayOf(at)), Wib.StartOf(Wib.DayOf(at).AddDays(1)));
            var attempts = new[] { DecisionTrigger.SellerPublish, DecisionTrigger.SellerEdit, DecisionTrigger.CsvImport, DecisionTrigger.SellerApi };
            return (long)await db.PolicyDecisions.CountAsync(d => d.DecidedAt >= start && d.DecidedAt < end && d.Outcome == PolicyOutcome.Blocked && attempts.Contains(d.Trigger));
        });

    private Task<IReadOnlyList<FieldProblem>> SubmitAsync(int sellerId, string subject) =>
        _scenario.WithAsync<AppealDesk, IReadOnlyList<FieldProblem>>(async d =>
        {
            var problems = await d.SubmitAsync(sellerId, "seller-user", "seller@example.id", new AppealForm { Subject = subject, Statement = "Keputusan ini keliru; lihat penjelasan kami." }, [], CancellationToken.None);
            problems.Should().BeEmpty();
            return problems;
        });

    /// <summary>The figures as plain queries over the tables, grouped in memory by WIB day.</summary>
    private Task<Expected> DirectCountsAsync(ComplianceRange range) =>
        _scenario.Policy.WithDbAsync(async db =>
        {
            var (start, end) = (range.Start, range.End);
            static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Wib.Offset).DateTime);
            var attempts = new[] { DecisionTrigger.SellerPublish, DecisionTrigger.SellerEdit, DecisionTrigger.CsvImport, DecisionTrigger.SellerApi };
            var decisions = await db.PolicyDecisions.AsNoTracking().Where(d => d.DecidedAt >= start && d.DecidedAt < end)
                .Select(d => new { d.DecidedAt, d.ClusterId, d.Outcome, d.Trigger }).ToListAsync();
            var strikes = await db.Strikes.AsNoTracking().Where(s => s.IssuedAt >= start && s.IssuedAt < end).Select(s => new { s.IssuedAt, s.ClusterId, s.SellerId }).ToListAsync();
            var clusterDays = decisions.Select(d => (Day: Day(d.DecidedAt), Cluster: d.ClusterId ?? 0))
                .Concat(strikes.Select(s => (Day: Day(s.IssuedAt), Cluster: s.ClusterId ?? 0)))
                .Distinct()
                .Select(k =>
                {
                    var of = decisions.Where(d => Day(d.DecidedAt) == k.Day && (d.ClusterId ?? 0) == k.Cluster).ToList();
                    return (k.Day, ClusterId: k.Cluster,
                        Blocked: (long)of.Count(d => d.Outcome == PolicyOutcome.Blocked && attempts.Contains(d.Trigger)),
                        Held: (long)of.Count(d => d.Outcome == PolicyOutcome.NeedsReview),
                        Released: (long)of.Count(d => d.Trigger == DecisionTrigger.AdminApproval && d.Outcome == PolicyOutcome.Allowed),
                        Strikes: (long)strikes.Count(s => Day(s.IssuedAt) == k.Day && (s.ClusterId ?? 0) == k.Cluster));
                })
                .Where(c => c.Blocked + c.Held + c.Released + c.Strikes > 0)
                .ToList();

            var appeals = await db.Appeals.AsNoTracking().Where(a => a.DecidedAt >= start && a.DecidedAt < end && a.Status != AppealStatus.Open).ToListAsync();
            var suspensions = await db.AdminActions.AsNoTracking()
                .Where(a => (a.Kind == AdminActionKind.SellerSuspended || a.Kind == AdminActionKind.SellerSuspendedForStrikes) && a.At >= start && a.At < end)
                .Select(a => new { a.At, a.SellerId }).ToListAsync();
            var closures = await db.ShopClosures.AsNoTracking().Where(c => c.AppliedAt >= start && c.AppliedAt < end).ToListAsync();
            var days = appeals.Select(a => Day(a.DecidedAt!.Value)).Concat(suspensions.Select(s => Day(s.At))).Concat(closures.Select(c => Day(c.AppliedAt!.Value))).Distinct()
                .Select(day => (day,
                    Granted: (long)appeals.Count(a => Day(a.DecidedAt!.Value) == day && a.Status == AppealStatus.Granted),
                    Upheld: (long)appeals.Count(a => Day(a.DecidedAt!.Value) == day && a.Status == AppealStatus.Upheld),
                    ShopsSuspended: (long)suspensions.Where(s => Day(s.At) == day).Select(s => s.SellerId).Distinct().Count(),
                    ShopsClosed: (long)closures.Where(c => Day(c.AppliedAt!.Value) == day).Sum(c => c.SellerIds.Length)))
                .ToList();

            var reviews = await db.AdminActions.AsNoTracking()
                .Where(a => (a.Kind == AdminActionKind.ListingApproved || a.Kind == AdminActionKind.ListingRejected) && a.At >= start && a.At < end)
                .Select(a => new
                {
                    a.At,
                    Held = db.PolicyDecisions.Where(p => p.ListingId == a.ListingId && p.Outcome == PolicyOutcome.NeedsReview && p.DecidedAt <= a.At)
                        .OrderByDescending(p => p.DecidedAt).Select(p => (DateTimeOffset?)p.DecidedAt).FirstOrDefault(),
                })
                .ToListAsync();
            var review = Percentiles(reviews.Where(r => r.Held is not null).Select(r => (r.At - r.Held!.Value).TotalSeconds));
            var appealTimes = Percentiles(appeals.Select(a => (a.DecidedAt!.Value - a.SubmittedAt).TotalSeconds));
            var top = strikes.GroupBy(s => s.SellerId).Select(g => (SellerId: g.Key, Strikes: (long)g.Count()))
                .OrderByDescending(s => s.Strikes).ThenBy(s => s.SellerId).Take(ComplianceReport.TopShopCount).ToList();
            return new Expected(clusterDays, days, review, appealTimes, top);
        });

    /// <summary>percentile_cont's linear interpolation, computed by hand.</summary>
    private static Durations Percentiles(IEnumerable<double> seconds)
    {
        var sorted = seconds.Order().ToList();
        if (sorted.Count == 0)
        {
            return new Durations(0, null, null);
        }

        TimeSpan At(double fraction)
        {
            var position = fraction * (sorted.Count - 1);
            var low = (int)Math.Floor(position);
            var high = (int)Math.Ceiling(position);
            return TimeSpan.FromSeconds(sorted[low] + ((sorted[high] - sorted[low]) * (position - low)));
        }

        return new Durations(sorted.Count, At(0.5), At(0.9));
    }

    private sealed record Expected(
        IReadOnlyList<(DateOnly Day, int ClusterId, long Blocked, long Held, long Released, long Strikes)> ClusterDays,
        IReadOnlyList<(DateOnly Day, long Granted, long Upheld, long ShopsSuspended, long ShopsClosed)> Days,
        Durations Review,
        Durations Appeals,
        IReadOnlyList<(int SellerId, long Strikes)> TopShops);

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Enforcement:ComplianceRollupSeconds"] = RollupSeconds.ToString(CultureInfo.InvariantCulture),
            ["Enforcement:ComplianceRollupGraceMinutes"] = "60",
        };
    }
}

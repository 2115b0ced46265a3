using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Web.Features.Admin.Dashboard;

public sealed record ClusterLiveCount(string Code, string NameId, string NameEn, int Local, int CrossBorder)
{
    public string Name(bool indonesian) => indonesian ? NameId : NameEn;
}

public sealed record DayDecisions(DateOnly Day, int Allowed, int NeedsReview, int Blocked)
{
    public int Total => Allowed + NeedsReview + Blocked;
}

public sealed record Dashboard(
    IReadOnlyList<ClusterLiveCount> LiveByCluster,
    IReadOnlyList<DayDecisions> DecisionsByDay,
    int LocalSellers,
    int CrossBorderSellers,
    int LocalListings,
    int CrossBorderListings,
    int WaitingForReview,
    int PolicyVersion);

/// <summary>The figures behind the dashboard's charts: a handful of aggregate queries, each bounded by clusters or days, never by listings.</summary>
public sealed class DashboardFigures(MarketplaceDbContext db, TimeProvider clock)
{
    public const int Days = 30;

    public static readonly ChartSeries Local = new("Admin.Dashboard.Local", "#117733", "#FFFFFF");
    public static readonly ChartSeries CrossBorder = new("Admin.Dashboard.CrossBorder", "#CC6677", "#1F1F1F");
    public static readonly ChartSeries Allowed = new("Admin.Outcome.Allowed", "#4477AA", "#FFFFFF");
    public static readonly ChartSeries NeedsReview = new("Admin.Outcome.NeedsReview", "#DDAA33", "#1F1F1F");
    public static readonly ChartSeries Blocked = new("Admin.Outcome.Blocked", "#BB5566", "#FFFFFF");

    private static readonly string DecisionsByWibDay = $"""
        SELECT {Wib.DaySql("decided_at")} AS "Day", outcome AS "Outcome", count(*)::int AS "Count"
        FROM policy_decisions
        WHERE decided_at >= @start
        GROUP BY 1, 2
        """;

    public async Task<Dashboard> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var clusters = await db.Clusters.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var rows = await (
            from v in db.VisibleListingsAt(now)
            group v by new { v.Category.ClusterId, SellerOrigin = v.Seller.Origin, ProductOrigin = v.Listing.Origin } into g
            select new { g.Key.ClusterId, g.Key.SellerOrigin, g.Key.ProductOrigin, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var live = rows.Select(x => (x.ClusterId, CrossBorder: PlacedListings.IsCrossBorder(x.SellerOrigin, x.ProductOrigin), x.Count)).ToList();
        var byCluster = clusters
            .Select(c => new ClusterLiveCount(
                c.Code,
                c.NameId,
                c.NameEn,
                live.Where(x => x.ClusterId == c.Id && !x.CrossBorder).Sum(x => x.Count),
                live.Where(x => x.ClusterId == c.Id && x.CrossBorder).Sum(x => x.Count)))
            .ToList();

        var today = Wib.DayOf(now);
        var firstDay = today.AddDays(-(Days - 1));
        var start = Wib.StartOf(firstDay);
        var counts = await db.Database
            .SqlQueryRaw<DayOutcomeCount>(DecisionsByWibDay, new NpgsqlParameter("start", start))
            .ToListAsync(cancellationToken);
        var days = Enumerable.Range(0, Days)
            .Select(i => firstDay.AddDays(i))
            .Select(day =>
            {
                int Count(PolicyOutcome outcome) => counts.Where(c => c.Day == day && c.Outcome == (int)outcome).Sum(c => c.Count);
                return new DayDecisions(day, Count(PolicyOutcome.Allowed), Count(PolicyOutcome.NeedsReview), Count(PolicyOutcome.Blocked));
            })
            .ToList();

        var sellers = await db.Sellers.Where(s => s.Status == SellerStatus.Active)
            .GroupBy(s => s.Origin).Select(g => new { Origin = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var waiting = await db.Listings.CountAsync(l => l.State == ListingState.PendingReview, cancellationToken);
        var version = await db.PolicySettings.Select(p => p.Version).SingleAsync(cancellationToken);
        return new Dashboard(
            byCluster,
            days,
            sellers.Where(s => !PlacedListings.IsShopAbroad(s.Origin)).Sum(s => s.Count),
            sellers.Where(s => PlacedListings.IsShopAbroad(s.Origin)).Sum(s => s.Count),
            byCluster.Sum(c => c.Local),
            byCluster.Sum(c => c.CrossBorder),
            waiting,
            version);
    }

    /// <summary>A row of the per-day aggregate, shaped for <c>SqlQuery</c>.</summary>
    public sealed class DayOutcomeCount
    {
        public DateOnly Day { get; init; }

        public int Outcome { get; init; }

        public int Count { get; init; }
    }
}

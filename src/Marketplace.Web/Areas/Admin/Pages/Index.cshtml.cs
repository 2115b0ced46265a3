using Marketplace.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Areas.Admin.Pages;

public sealed class IndexModel(MarketplaceDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ClusterStatus> Clusters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Clusters = await db.Clusters.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new ClusterStatus(
                c.Code,
                c.NameId,
                c.NameEn,
                db.ClusterBlocks.Where(b => b.ClusterId == c.Id && b.StartsAt <= now && (b.LiftedAt == null || b.LiftedAt > now)).Min(b => (DateTimeOffset?)b.StartsAt),
                db.ClusterBlocks.Where(b => b.ClusterId == c.Id && b.StartsAt > now && b.LiftedAt == null).Min(b => (DateTimeOffset?)b.StartsAt)))
            .ToListAsync(cancellationToken);
    }

    public sealed record ClusterStatus(string Code, string NameId, string NameEn, DateTimeOffset? BlockedSince, DateTimeOffset? ScheduledFor);
}

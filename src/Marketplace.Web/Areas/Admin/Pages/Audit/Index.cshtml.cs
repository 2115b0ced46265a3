using System.Globalization;
using Marketplace.Domain;
using Marketplace.Web.Features.Admin;
using Marketplace.Web.Features.Admin.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Audit;

/// <summary>The audit trail: policy decisions and admin actions, filtered by the URL, paged, and exported as CSV for regulators.</summary>
public sealed class IndexModel(AuditTrail trail, TimeProvider clock, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public IReadOnlyList<ClusterOption> Clusters { get; private set; } = [];

    public AuditPage<DecisionRow>? DecisionPage { get; private set; }

    public AuditPage<ActionRow>? ActionPage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Filter.DropDaysOutOfRange())
        {
            ModelState.AddModelError(string.Empty, Text["Admin.Audit.DateOutOfRange", Day(AuditFilter.EarliestDay), Day(AuditFilter.LatestDay)]);
        }

        Clusters = await trail.ClustersAsync(cancellationToken);
        if (Filter.Tab == AuditTab.Actions)
        {
            ActionPage = await trail.ActionsAsync(Filter, cancellationToken);
        }
        else
        {
            DecisionPage = await trail.DecisionsAsync(Filter, cancellationToken);
        }
    }

    /// <summary>Streams the filtered rows as CSV; nothing is held in memory but the row being written.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        // Checked before the first byte: once the CSV streams, a failure can only cut the download short.
        if (!Filter.DaysInRange)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        var stamp = clock.GetUtcNow().ToOffset(Wib.Offset).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var name = Filter.Tab == AuditTab.Actions ? "admin-actions" : "policy-decisions";
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}-{stamp}.csv\"";
        await trail.WriteCsvAsync(Filter, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    private static string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);
}

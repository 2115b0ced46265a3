using System.Globalization;
using Marketplace.Web.Features;
using Marketplace.Web.Features.Enforcement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Compliance;

/// <summary>Is the policy working: per cluster and day, what was blocked, held, released, appealed and struck, with charts and a CSV export.</summary>
public sealed class IndexModel(ComplianceReport report, TimeProvider clock, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    /// <summary>First WIB day shown; with <see cref="To"/> empty, the last 30 days.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public ComplianceFigures Figures { get; private set; } = null!;

    public IReadOnlyList<DailyBars> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Figures = await report.ReportAsync(Range(), cancellationToken);
        Charts =
        [
            Chart("chart-blocked", "Admin.Compliance.Blocked", d => d.Blocked, "#dc3545"),
            Chart("chart-held", "Admin.Compliance.Held", d => d.Held, "#fd7e14"),
            Chart("chart-released", "Admin.Compliance.Released", d => d.Released, "#198754"),
            Chart("chart-strikes", "Admin.Compliance.Strikes", d => d.Strikes, "#6f42c1"),
        ];
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var figures = await report.ReportAsync(Range(), cancellationToken);
        var name = FormattableString.Invariant($"compliance-{figures.Range.From:yyyyMMdd}-{figures.Range.To:yyyyMMdd}.csv");
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await ComplianceReport.WriteCsvAsync(figures, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The range asked for, or the last 30 days with a message when it is missing, backwards or too long.</summary>
    private ComplianceRange Range()
    {
        var fallback = ComplianceRange.LastDays(clock.GetUtcNow());
        if (From is null && To is null)
        {
            return fallback;
        }

        if (ComplianceRange.Of(From ?? fallback.From, To ?? fallback.To) is { } range)
        {
            return range;
        }

        ModelState.AddModelError(string.Empty, Text["Admin.Compliance.BadRange", ComplianceRange.MaxDays]);
        From = fallback.From;
        To = fallback.To;
        return fallback;
    }

    private DailyBars Chart(string id, string key, Func<ComplianceDay, long> value, string fill) =>
        new(id, Text[key], Figures.Days.Select(d => new DailyBar(d.Day, value(d), value(d).ToString("N0", CultureInfo.CurrentCulture))).ToList(), fill);
}

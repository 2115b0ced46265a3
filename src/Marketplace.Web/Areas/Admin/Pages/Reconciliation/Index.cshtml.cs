using System.Text;
using Marketplace.Domain;
using Marketplace.Web.Features.Ledger;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Reconciliation;

/// <summary>The daily reconciliation by WIB day: payments in against where the money went, on screen and as CSV.</summary>
public sealed class IndexModel(Features.Ledger.Reconciliation reconciliation, TimeProvider clock, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<ReconciliationDay> Days { get; private set; } = [];

    /// <summary>A day outside the years the site reads (2000 to 2100) was asked for: nothing is read, and the page says why.</summary>
    public bool DateInvalid { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Days = await ReadAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(Encoding.UTF8.GetBytes(Features.Ledger.Reconciliation.Csv(await ReadAsync(cancellationToken))), "text/csv", $"rekonsiliasi-{From:yyyy-MM-dd}-{To:yyyy-MM-dd}.csv");

    private Task<IReadOnlyList<ReconciliationDay>> ReadAsync(CancellationToken cancellationToken)
    {
        To ??= Wib.DayOf(clock.GetUtcNow());
        From ??= To.Value.AddDays(-29);
        if (!Wib.InRange(From.Value) || !Wib.InRange(To.Value))
        {
            DateInvalid = true;
            return Task.FromResult<IReadOnlyList<ReconciliationDay>>([]);
        }

        return reconciliation.DaysAsync(From.Value, To.Value, cancellationToken);
    }
}

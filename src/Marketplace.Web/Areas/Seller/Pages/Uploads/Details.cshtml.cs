using Marketplace.Domain.Listings;
using Marketplace.Web.Features.Sellers.Import;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Uploads;

/// <summary>
/// An upload's progress (the page refreshes itself while a preview or the import runs), its preview with the seller's
/// choice to go on or cancel, its outcome and its problems. Every handler acts only on an upload of the seller's shop.
/// </summary>
public sealed class DetailsModel(ListingImports imports, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    public ImportSummary Import { get; private set; } = null!;

    public ImportOutcomes? Outcomes { get; private set; }

    public IReadOnlyList<ListingImportProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var import = await imports.FindAsync(Shop.Id, id, cancellationToken);
        if (import is null)
        {
            return NotFound();
        }

        Import = import;
        var shown = import.Stage is ListingImportStage.PreviewReady or ListingImportStage.Completed or ListingImportStage.Cancelled;
        Outcomes = shown ? await imports.OutcomesAsync(id, cancellationToken) : null;
        Problems = shown ? await imports.ProblemsAsync(id, ListingImports.ProblemsShown, cancellationToken) : [];
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken) =>
        await imports.RetryAsync(Shop.Id, id, cancellationToken) ? RedirectToPage(new { id }) : NotFound();

    /// <summary>A second click, or a preview already cancelled, finds nothing to confirm and shows the upload as it stands.</summary>
    public Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken cancellationToken) =>
        DecideAsync(id, () => imports.ConfirmAsync(Shop.Id, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken) =>
        DecideAsync(id, () => imports.CancelAsync(Shop.Id, id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnGetProblemsAsync(long id, CancellationToken cancellationToken)
    {
        var report = await imports.ProblemReportAsync(Shop.Id, id, text, cancellationToken);
        return report is null ? NotFound() : File(report, "text/csv", $"masalah-impor-{id}.csv");
    }

    public async Task<IActionResult> OnGetOutcomesAsync(long id, CancellationToken cancellationToken)
    {
        var report = await imports.OutcomeReportAsync(Shop.Id, id, text, Languages.IsIndonesian, cancellationToken);
        return report is null ? NotFound() : File(report, "text/csv", $"hasil-impor-{id}.csv");
    }

    private async Task<IActionResult> DecideAsync(long id, Func<Task<bool>> decide, CancellationToken cancellationToken)
    {
        if (await imports.FindAsync(Shop.Id, id, cancellationToken) is null)
        {
            return NotFound();
        }

        await decide();
        return RedirectToPage(new { id });
    }
}

using Marketplace.Domain.Listings;
using Marketplace.Web.Features.Sellers.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Uploads;

/// <summary>An import's progress (the page refreshes itself while it runs), its outcome and its problems.</summary>
public sealed class DetailsModel(ListingImports imports, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    public ImportSummary Import { get; private set; } = null!;

    public IReadOnlyList<ListingImportProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var import = await imports.FindAsync(Shop.Id, id, cancellationToken);
        if (import is null)
        {
            return NotFound();
        }

        Import = import;
        Problems = import.Status == ListingImportStatus.Completed ? await imports.ProblemsAsync(id, ListingImports.ProblemsShown, cancellationToken) : [];
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken) =>
        await imports.RetryAsync(Shop.Id, id, cancellationToken) ? RedirectToPage(new { id }) : NotFound();

    public async Task<IActionResult> OnGetProblemsAsync(long id, CancellationToken cancellationToken)
    {
        var report = await imports.ProblemReportAsync(Shop.Id, id, text, cancellationToken);
        return report is null ? NotFound() : File(report, "text/csv", $"masalah-impor-{id}.csv");
    }
}

using Marketplace.Web.Features.Sellers.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Uploads;

/// <summary>Bulk upload: the template, the upload (queued as a job any node's worker runs), and recent imports.</summary>
[RequestSizeLimit(32L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 32L * 1024 * 1024)]
public sealed class IndexModel(ListingImports imports, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportSummary> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Recent = await imports.RecentAsync(Shop.Id, cancellationToken);

    public IActionResult OnGetTemplate() => File(ListingCsv.Template(), "text/csv", "template-produk.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["Csv.Upload.Missing"]);
        }
        else if (Upload.Length > imports.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), text["Csv.Upload.TooLarge", imports.MaxFileBytes / (1024 * 1024)]);
        }

        if (!ModelState.IsValid)
        {
            Recent = await imports.RecentAsync(Shop.Id, cancellationToken);
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload!.CopyToAsync(buffer, cancellationToken);
        var (id, failure) = await imports.QueueAsync(Shop.Id, Upload.FileName, buffer.ToArray(), Actor, cancellationToken);
        if (id is null)
        {
            ModelState.AddModelError(nameof(Upload), text[failure!]);
            Recent = await imports.RecentAsync(Shop.Id, cancellationToken);
            return Page();
        }

        return RedirectToPage("./Details", new { id });
    }
}

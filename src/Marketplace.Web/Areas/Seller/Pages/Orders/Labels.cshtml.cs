using Marketplace.Web.Features.Sellers.Orders;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Areas.Seller.Pages.Orders;

/// <summary>The A6 labels of the chosen orders as one PDF, to print at their size from any browser.</summary>
public sealed class LabelsModel(SellerLabels labels) : SellerPageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery] string[] numbers, CancellationToken cancellationToken)
    {
        var pdf = await labels.PdfAsync(Shop.Id, numbers ?? [], cancellationToken);
        // Inline, without a file name, so the browser shows it and prints it at its own A6 size.
        return pdf is null ? NotFound() : File(pdf, "application/pdf");
    }
}

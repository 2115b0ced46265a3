using Marketplace.Web.Features.AfterDelivery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Complaints;

/// <summary>Complaints about the shop's deliveries: accept (the shopper is refunded) or answer (an admin decides).</summary>
public sealed class IndexModel(Features.AfterDelivery.Complaints complaints, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    public IReadOnlyList<ComplaintView> Complaints { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Complaints = await complaints.OfSellerAsync(Shop.Id, cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken cancellationToken)
    {
        Message = await complaints.AcceptAsync(Shop.Id, id, cancellationToken) ? text["Complaint.Accepted"] : text["Complaint.NotChanged"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAnswerAsync(long id, CancellationToken cancellationToken)
    {
        Message = await complaints.AnswerAsync(Shop.Id, id, Answer, cancellationToken) ? text["Complaint.Answered"] : text["Complaint.NotChanged"];
        return RedirectToPage();
    }
}

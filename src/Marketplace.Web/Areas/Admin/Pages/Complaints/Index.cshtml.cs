using Marketplace.Web.Features.AfterDelivery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Complaints;

/// <summary>Complaints an admin decides: disputed ones and those the seller left unanswered, by due time.</summary>
public sealed class IndexModel(Features.AfterDelivery.Complaints complaints, TimeProvider clock, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    public IReadOnlyList<ComplaintView> Queue { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await complaints.AwaitingAdminAsync(cancellationToken);

    public async Task<IActionResult> OnPostDecideAsync(long id, bool refund, CancellationToken cancellationToken)
    {
        Message = await complaints.DecideAsync(id, refund, Actor.Email, cancellationToken) ? Text[refund ? "Complaint.DecidedRefund" : "Complaint.DecidedReject"] : Text["Complaint.NotChanged"];
        return RedirectToPage();
    }
}

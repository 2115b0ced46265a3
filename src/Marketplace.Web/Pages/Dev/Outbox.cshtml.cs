using Marketplace.Web.Features.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Dev;

/// <summary>Development only: the e-mails written to the outbox folder, newest first, so links can be followed without a mail server.</summary>
public sealed class OutboxModel(PickupFolder folder, IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<PickedUpEmail> Emails { get; private set; } = [];

    public string Folder => folder.Path;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Emails = await folder.ReadNewestAsync(cancellationToken);
        return Page();
    }
}

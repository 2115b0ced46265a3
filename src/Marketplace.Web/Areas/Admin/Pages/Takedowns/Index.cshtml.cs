using Marketplace.Domain;
using Marketplace.Web.Features.Enforcement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Takedowns;

/// <summary>Regulators' takedown requests: record one (its listings come down at once) and see each one's status.</summary>
public sealed class IndexModel(TakedownInbox inbox, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    [BindProperty]
    public TakedownForm Input { get; set; } = new();

    public IReadOnlyList<TakedownRow> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Requests = await inbox.InboxAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var id = await inbox.RecordAsync(Input, Actor, cancellationToken);
                KeepOutcome(new DoneMessage("Admin.Takedowns.Recorded"));
                return RedirectToPage("Detail", new { id });
            }
            catch (DomainException e)
            {
                AddError(e);
            }
        }

        Requests = await inbox.InboxAsync(cancellationToken);
        return Page();
    }
}

using Marketplace.Domain;
using Marketplace.Web.Features.Admin.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Review;

/// <summary>The review queue, with approve and reject for one listing or for all the ticked ones.</summary>
public sealed class IndexModel(ListingReview review, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    [BindProperty]
    public List<long> Selected { get; set; } = [];

    /// <summary>The listing whose own button was pressed; the ticked ones count only for the bulk buttons.</summary>
    [BindProperty]
    public long? One { get; set; }

    /// <summary>The note a seller reads when their listing is rejected.</summary>
    [BindProperty]
    [System.ComponentModel.DataAnnotations.Display(Name = "Admin.Field.RejectNote")]
    public string? Note { get; set; }

    public ReviewPage Queue { get; private set; } = new([], 0);

    public ReviewOutcome? Outcome { get; private set; }

    private List<long> Targets => One is { } one ? [one] : Selected;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Queue = await review.WaitingAsync(cancellationToken);
        Outcome = KeptOutcome<ReviewOutcome>();
    }

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        if (Targets.Count == 0)
        {
            ModelState.AddModelError(nameof(Selected), Text["Admin.Review.NothingSelected"]);
            return await PageAsync(cancellationToken);
        }

        KeepOutcome(await review.ApproveAsync(Targets, Actor, cancellationToken));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken)
    {
        if (Targets.Count == 0)
        {
            ModelState.AddModelError(nameof(Selected), Text["Admin.Review.NothingSelected"]);
        }

        if (string.IsNullOrWhiteSpace(Note) || Note.Trim().Length > 500)
        {
            ModelState.AddModelError(nameof(Note), Text["Admin.Review.NoteRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return await PageAsync(cancellationToken);
        }

        try
        {
            KeepOutcome(await review.RejectAsync(Targets, Note!, Actor, cancellationToken));
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            AddError(e);
            return await PageAsync(cancellationToken);
        }
    }

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken)
    {
        Queue = await review.WaitingAsync(cancellationToken);
        return Page();
    }
}

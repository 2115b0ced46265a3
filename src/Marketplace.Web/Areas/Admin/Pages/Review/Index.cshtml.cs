using Marketplace.Domain;
using Marketplace.Web.Features.Admin.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Review;

/// <summary>The review queue, with approve and reject for one listing or for all the ticked ones; filtered by one reason when asked.</summary>
public sealed class IndexModel(ListingReview review, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    /// <summary>A reason code of <see cref="ListingReview.ReviewReasons"/>; anything else shows the whole queue.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    public IReadOnlyList<ReviewReasonCount> Reasons { get; private set; } = [];

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

    /// <summary>What this admin approved or rejected a moment ago and may still take back.</summary>
    public IReadOnlyList<RecentReview> Recent { get; private set; } = [];

    public UndoOutcome? Undone { get; private set; }

    private List<long> Targets => One is { } one ? [one] : Selected;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Outcome = KeptOutcome<ReviewOutcome>();
        Undone = KeptOutcome<UndoOutcome>();
    }

    /// <summary>"Urungkan": takes back this admin's approval or rejection of one listing; the policy decides it again.</summary>
    public async Task<IActionResult> OnPostUndoAsync(long? listingId, CancellationToken cancellationToken)
    {
        if (listingId is not { } id)
        {
            ModelState.AddModelError(string.Empty, Text["Admin.Review.UndoGone"]);
            return await PageAsync(cancellationToken);
        }

        KeepOutcome(await review.UndoAsync(id, Actor, cancellationToken));
        return RedirectToPage(new { reason = Reason });
    }

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        if (Targets.Count == 0)
        {
            ModelState.AddModelError(nameof(Selected), Text["Admin.Review.NothingSelected"]);
            return await PageAsync(cancellationToken);
        }

        KeepOutcome(await review.ApproveAsync(Targets, Actor, cancellationToken));
        return RedirectToPage(new { reason = Reason });
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
            return RedirectToPage(new { reason = Reason });
        }
        catch (DomainException e)
        {
            AddError(e);
            return await PageAsync(cancellationToken);
        }
    }

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Queue = await review.WaitingAsync(Reason, cancellationToken);
        Reasons = await review.ReasonCountsAsync(cancellationToken);
        Recent = await review.RecentlyDecidedAsync(Actor, cancellationToken);
    }
}

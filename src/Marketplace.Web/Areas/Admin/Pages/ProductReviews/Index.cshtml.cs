using Marketplace.Web.Features.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.ProductReviews;

/// <summary>The newest buyers' reviews, with hide and show for each; every change is audited.</summary>
public sealed class IndexModel(ReviewModeration moderation, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    [BindProperty(SupportsGet = true)]
    public bool HiddenOnly { get; set; }

    public IReadOnlyList<ModeratedReview> Reviews { get; private set; } = [];

    public DoneMessage? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reviews = await moderation.NewestAsync(HiddenOnly, cancellationToken);
        Done = KeptOutcome<DoneMessage>();
    }

    public Task<IActionResult> OnPostHideAsync(long reviewId, CancellationToken cancellationToken) => SetHiddenAsync(reviewId, true, cancellationToken);

    public Task<IActionResult> OnPostShowAsync(long reviewId, CancellationToken cancellationToken) => SetHiddenAsync(reviewId, false, cancellationToken);

    private async Task<IActionResult> SetHiddenAsync(long reviewId, bool hidden, CancellationToken cancellationToken)
    {
        if (!await moderation.SetHiddenAsync(Actor, reviewId, hidden, cancellationToken))
        {
            return NotFound();
        }

        KeepOutcome(new DoneMessage(hidden ? "Admin.Reviews.Hidden" : "Admin.Reviews.Shown"));
        return RedirectToPage(new { HiddenOnly });
    }
}

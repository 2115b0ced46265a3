using Marketplace.Web.Features.Orders;
using Marketplace.Web.Features.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Orders;

/// <summary>A buyer reviews one delivered line of their own order: stars, words and an optional photo.</summary>
public sealed class ReviewModel(ProductReviews reviews, IStringLocalizer<SharedResource> text) : PageModel
{
    public ReviewTarget Target { get; private set; } = null!;

    [BindProperty]
    public int Rating { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public IFormFile? Photo { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long lineId, CancellationToken cancellationToken)
    {
        if (await reviews.TargetAsync(CartService.ShopperId(User)!, lineId, cancellationToken) is not { } target)
        {
            return NotFound();
        }

        Target = target;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long lineId, CancellationToken cancellationToken)
    {
        var userId = CartService.ShopperId(User)!;
        if (await reviews.WriteAsync(userId, lineId, Rating, Text, Photo, cancellationToken) is not { } result)
        {
            return NotFound();
        }

        Target = (await reviews.TargetAsync(userId, lineId, cancellationToken))!;
        if (result.Succeeded)
        {
            Message = text["Review.Saved"];
            return RedirectToPage("/Orders/Detail", new { number = Target.OrderNumber });
        }

        ModelState.AddModelError(string.Empty, text[result.ProblemKey!, Domain.Reviews.ProductReview.TextMaxLength]);
        return Page();
    }
}

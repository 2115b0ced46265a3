using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marketplace.Domain;
using Marketplace.Web.Features.Enforcement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Closures;

/// <summary>Closing cross-border shops: choose them, preview what closing does, give a reason and an instant, confirm; reverse later.</summary>
public sealed class IndexModel(ShopClosures closures, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    /// <summary>Shop ids, separated by commas or spaces.</summary>
    [BindProperty]
    public string? Shops { get; set; }

    [BindProperty]
    [StringLength(500, MinimumLength = 3, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Admin.Field.Reason")]
    public string? Reason { get; set; }

    /// <summary>The closing instant as a WIB wall-clock time; empty means now.</summary>
    [BindProperty]
    public string? ClosesAt { get; set; }

    public ClosurePreview? Preview { get; private set; }

    public IReadOnlyList<ClosureRow> Recent { get; private set; } = [];

    public DoneMessage? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = KeptOutcome<DoneMessage>();
        Recent = await closures.RecentAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostWhollyInClosedClustersAsync(CancellationToken cancellationToken)
    {
        Shops = string.Join(", ", await closures.WhollyInClosedClustersAsync(cancellationToken));
        return await PreviewPageAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken) => PreviewPageAsync(cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var closesAt = DateTimeOffset.MinValue;
        if (!string.IsNullOrWhiteSpace(ClosesAt) && !Wib.TryParseInput(ClosesAt, out closesAt))
        {
            ModelState.AddModelError(nameof(ClosesAt), Text["Admin.Closures.BadInstant"]);
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), Text["Admin.Error.closure.reason_required"]);
        }

        if (!ModelState.IsValid)
        {
            return await PreviewPageAsync(cancellationToken);
        }

        try
        {
            await closures.ScheduleAsync(ShopIds(), Reason!, closesAt, Actor, cancellationToken);
        }
        catch (DomainException e)
        {
            AddError(e);
            return await PreviewPageAsync(cancellationToken);
        }

        KeepOutcome(new DoneMessage("Admin.Closures.ScheduledDone", ShopIds().Count));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReverseAsync(long closureId, CancellationToken cancellationToken)
    {
        try
        {
            await closures.ReverseAsync(closureId, string.IsNullOrWhiteSpace(Reason) ? Text["Admin.Closures.ReversedReason"] : Reason, Actor, cancellationToken);
        }
        catch (DomainException e)
        {
            AddError(e);
            Recent = await closures.RecentAsync(cancellationToken);
            return Page();
        }

        KeepOutcome(new DoneMessage("Admin.Closures.ReversedDone"));
        return RedirectToPage();
    }

    private async Task<IActionResult> PreviewPageAsync(CancellationToken cancellationToken)
    {
        Preview = await closures.PreviewAsync(ShopIds(), cancellationToken);
        Recent = await closures.RecentAsync(cancellationToken);
        return Page();
    }

    private List<int> ShopIds() =>
        (Shops ?? string.Empty).Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .Distinct()
            .ToList();
}

using System.ComponentModel.DataAnnotations;
using Marketplace.Domain;
using Marketplace.Web.Features.Admin.Sellers;
using Marketplace.Web.Features.Enforcement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Sellers;

/// <summary>One seller: the shop, its listings, decisions and orders; verifying, suspending and reinstating it.</summary>
public sealed class DetailModel(SellerConsole sellers, StrikeLedger strikes, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(500, MinimumLength = 3, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Admin.Field.Reason")]
    public string? Reason { get; set; }

    public DoneMessage? Message { get; private set; }

    public SellerDetail Detail { get; private set; } = null!;

    /// <summary>The shop's request for local status waiting in the verification queue, if any.</summary>
    public long? WaitingEvidence { get; private set; }

    public ShopStrikes Strikes { get; private set; } = new([], 0, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Message = KeptOutcome<DoneMessage>();
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken) =>
        WithoutReasonAsync(() => sellers.SignOutEverywhereAsync(Id, Actor, cancellationToken), "Admin.Sellers.SignedOutDone", cancellationToken);

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async () => (await sellers.SuspendAsync(Id, Reason!, Actor, cancellationToken)).Suspended, "Admin.Sellers.SuspendedDone", cancellationToken);

    public Task<IActionResult> OnPostReinstateAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async () => (await sellers.ReinstateAsync(Id, Reason!, Actor, cancellationToken)).Restored, "Admin.Sellers.ReinstatedDone", cancellationToken);

    public Task<IActionResult> OnPostVoidStrikeAsync(long strikeId, CancellationToken cancellationToken) =>
        ChangeAsync(async () => { await strikes.VoidAsync(strikeId, Reason!, Actor, cancellationToken); return 1; }, "Admin.Strikes.VoidedDone", cancellationToken);

    private async Task<IActionResult> WithoutReasonAsync(Func<Task> action, string message, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Reason));
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        await action();
        KeepOutcome(new DoneMessage(message));
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult> ChangeAsync(Func<Task<int>> change, string message, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            KeepOutcome(new DoneMessage(message, await change()));
            return RedirectToPage(new { id = Id });
        }
        catch (DomainException e)
        {
            AddError(e);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var detail = await sellers.DetailAsync(Id, cancellationToken);
        Detail = detail!;
        WaitingEvidence = detail is null ? null : await sellers.WaitingEvidenceAsync(Id, cancellationToken);
        Strikes = detail is null ? Strikes : await strikes.OfSellerAsync(Id, cancellationToken);
        return detail is not null;
    }
}

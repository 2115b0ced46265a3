using System.Globalization;
using Marketplace.Domain;
using Marketplace.Web.Features.Enforcement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Takedowns;

/// <summary>
/// One takedown request: each line and the listing it named (an unmatched line can be given the listing it meant), the
/// regulator's withdrawal, and the evidence export for the regulator.
/// </summary>
public sealed class DetailModel(TakedownInbox inbox, TimeProvider clock, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    public TakedownDetail Takedown { get; private set; } = null!;

    public DoneMessage? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await inbox.FindAsync(id, cancellationToken) is not { } request)
        {
            return NotFound();
        }

        Takedown = request;
        Message = KeptOutcome<DoneMessage>();
        return Page();
    }

    public async Task<IActionResult> OnPostMatchAsync(long id, long itemId, string? listing, CancellationToken cancellationToken) =>
        await ChangeAsync(id, async () => await inbox.MatchLineAsync(id, itemId, listing, Actor, cancellationToken) ? new DoneMessage("Admin.Takedowns.Matched", 1) : null, cancellationToken);

    public async Task<IActionResult> OnPostWithdrawAsync(long id, string? reason, CancellationToken cancellationToken) =>
        await ChangeAsync(id, async () => await inbox.WithdrawAsync(id, reason, Actor, cancellationToken) is { } lifted ? new DoneMessage("Admin.Takedowns.Withdrawn", lifted) : null, cancellationToken);

    /// <summary>Every decision and admin action on the request's listings, as CSV or (<c>format=json</c>) JSON.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(long id, string? format, CancellationToken cancellationToken)
    {
        var json = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
        if (await inbox.EvidenceAsync(id, json ? "json" : "csv", Actor, cancellationToken) is not { } evidence)
        {
            return NotFound();
        }

        var stamp = clock.GetUtcNow().ToOffset(Wib.Offset).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        Response.ContentType = json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = FormattableString.Invariant($"attachment; filename=\"takedown-{id}-evidence-{stamp}.{(json ? "json" : "csv")}\"");
        if (json)
        {
            await TakedownInbox.WriteJsonAsync(evidence, Response.Body, cancellationToken);
        }
        else
        {
            await TakedownInbox.WriteCsvAsync(evidence, Response.Body, cancellationToken);
        }

        return new EmptyResult();
    }

    /// <summary>Runs a change to the request; shows what it did after the redirect, or the page again with the refusal.</summary>
    private async Task<IActionResult> ChangeAsync(long id, Func<Task<DoneMessage?>> change, CancellationToken cancellationToken)
    {
        try
        {
            if (await change() is not { } done)
            {
                return NotFound();
            }

            KeepOutcome(done);
            return RedirectToPage(new { id });
        }
        catch (DomainException e)
        {
            AddError(e);
        }

        if (await inbox.FindAsync(id, cancellationToken) is not { } request)
        {
            return NotFound();
        }

        Takedown = request;
        return Page();
    }
}

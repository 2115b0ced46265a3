using System.ComponentModel.DataAnnotations;
using Marketplace.Domain;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Admin.Verification;
using Marketplace.Web.Features.Sellers.Verification;
using Marketplace.Web.Features.Verification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Verification;

/// <summary>One request for local status: the evidence and its documents; verify it, or refuse it with a reason the seller reads.</summary>
public sealed class DetailModel(OriginVerifications queue, EvidenceSubmission evidence, AutomaticVerification automatic, IStringLocalizer<SharedResource> text)
    : AdminPageModel(text)
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(500, MinimumLength = 3, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Admin.Field.Reason")]
    public string? Reason { get; set; }

    public DoneMessage? Message { get; private set; }

    public VerificationRequest Case { get; private set; } = null!;

    /// <summary>The registry's answer the request was checked against, when it answered.</summary>
    public BusinessRegistration? Registry => RegistryAnswerBody.Parse(Case.Evidence.RegistryAnswer)?.Registration();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Message = KeptOutcome<DoneMessage>();
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Reason));
        return await DecideAsync(() => queue.VerifyAsync(Id, Actor, cancellationToken), "Admin.Verification.VerifiedDone", cancellationToken);
    }

    /// <summary>Asks the registry again (after the seller corrected the shop's details, or the registry was down); a clean answer verifies the shop.</summary>
    public async Task<IActionResult> OnPostRecheckAsync(CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Reason));
        return await DecideAsync(() => automatic.CheckAsync(Id, cancellationToken), "Admin.Verification.RecheckedDone", cancellationToken);
    }

    public async Task<IActionResult> OnPostRefuseAsync(CancellationToken cancellationToken) =>
        await DecideAsync(() => queue.RefuseAsync(Id, Reason!, Actor, cancellationToken), "Admin.Verification.RefusedDone", cancellationToken);

    /// <summary>A document of this request, for admins only (the area is closed to everyone else).</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string name, CancellationToken cancellationToken) =>
        await evidence.DocumentAsync(null, name, cancellationToken) is { } file
            ? PhysicalFile(file.Path, file.ContentType, file.FileName)
            : NotFound();

    private async Task<IActionResult> DecideAsync(Func<Task> decide, string message, CancellationToken cancellationToken)
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
            await decide();
        }
        catch (DomainException e)
        {
            AddError(e);
            return Page();
        }

        KeepOutcome(new DoneMessage(message));
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await queue.FindAsync(Id, cancellationToken);
        Case = found!;
        return found is not null;
    }
}

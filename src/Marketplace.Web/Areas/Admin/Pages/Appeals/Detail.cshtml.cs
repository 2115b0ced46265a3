using System.ComponentModel.DataAnnotations;
using Marketplace.Domain;
using Marketplace.Web.Features.Enforcement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Appeals;

/// <summary>One appeal: the statement, the evidence and the subject; uphold it or grant it with a note the seller reads.</summary>
public sealed class DetailModel(AppealDesk appeals, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(1000, MinimumLength = 3, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Admin.Appeals.Note")]
    public string? Note { get; set; }

    public DoneMessage? Message { get; private set; }

    public AppealView Appeal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Message = KeptOutcome<DoneMessage>();
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken) =>
        DecideAsync(() => appeals.GrantAsync(Id, Note!, Actor, cancellationToken), "Admin.Appeals.GrantedDone", cancellationToken);

    public Task<IActionResult> OnPostUpholdAsync(CancellationToken cancellationToken) =>
        DecideAsync(() => appeals.UpholdAsync(Id, Note!, Actor, cancellationToken), "Admin.Appeals.UpheldDone", cancellationToken);

    /// <summary>An evidence file of any appeal, for admins only (the area is closed to everyone else).</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string name, CancellationToken cancellationToken) =>
        await appeals.DocumentAsync(null, name, cancellationToken) is { } file
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
            await LoadAsync(cancellationToken);
            return Page();
        }

        KeepOutcome(new DoneMessage(message));
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await appeals.FindAsync(Id, null, cancellationToken);
        Appeal = found!;
        return found is not null;
    }
}

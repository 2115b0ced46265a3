using Marketplace.Web.Features.Enforcement;
using Marketplace.Web.Features.Sellers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Appeals;

/// <summary>The shop's appeals with their answers, and a form to appeal a rejection, a take-down, a hold, a strike or the suspension.</summary>
public sealed class IndexModel(AppealDesk appeals, UserManager<Identity.ApplicationUser> users, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    [BindProperty]
    public AppealForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Documents { get; set; } = [];

    [TempData]
    public bool Sent { get; set; }

    public IReadOnlyList<AppealOption> Options { get; private set; } = [];

    public IReadOnlyList<AppealView> Appeals { get; private set; } = [];

    /// <summary>A suspended shop may still appeal.</summary>
    protected override bool PostsWhileReadOnly => true;

    public async Task OnGetAsync(string? subject, CancellationToken cancellationToken)
    {
        Input.Subject = subject;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var problems = await appeals.SubmitAsync(Shop.Id, users.GetUserId(User)!, Actor, Input, Documents, cancellationToken);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field == nameof(Documents) ? nameof(Documents) : $"{nameof(Input)}.{problem.Field}", text.Problem(problem.Key));
        }

        if (problems.Count > 0)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        Sent = true;
        return RedirectToPage();
    }

    /// <summary>An evidence file the shop sent; another shop's file name is simply not found.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string name, CancellationToken cancellationToken) =>
        await appeals.DocumentAsync(Shop.Id, name, cancellationToken) is { } file
            ? PhysicalFile(file.Path, file.ContentType, file.FileName)
            : NotFound();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Options = await appeals.OptionsAsync(Shop.Id, cancellationToken);
        Appeals = await appeals.OfSellerAsync(Shop.Id, cancellationToken);
    }
}

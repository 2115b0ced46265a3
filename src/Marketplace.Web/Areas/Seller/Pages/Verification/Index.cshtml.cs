using Marketplace.Web.Features.Sellers;
using Marketplace.Web.Features.Sellers.Verification;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Verification;

/// <summary>The shop's origin and its verification: the state and reason, the evidence sent, and a form to send new evidence.</summary>
public sealed class IndexModel(EvidenceSubmission submissions, UserManager<Identity.ApplicationUser> users, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    [BindProperty]
    public EvidenceForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Documents { get; set; } = [];

    [TempData]
    public bool Sent { get; set; }

    public VerificationStatus Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Status = await submissions.StatusAsync(Shop.Id, cancellationToken);
        Input.Province = Shop.Province;
        Input.City = Shop.City;
        Input.Nib = Shop.Nib;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var problems = await submissions.SubmitAsync(Shop.Id, users.GetUserId(User)!, Actor, Input, Documents, cancellationToken);
        foreach (var problem in problems)
        {
            var key = problem.Field switch
            {
                "" => string.Empty,
                nameof(Documents) => nameof(Documents),
                _ => $"{nameof(Input)}.{problem.Field}",
            };
            ModelState.AddModelError(key, text.Problem(problem.Key));
        }

        if (problems.Count > 0)
        {
            Status = await submissions.StatusAsync(Shop.Id, cancellationToken);
            return Page();
        }

        Sent = true;
        return RedirectToPage();
    }

    /// <summary>A document the shop sent; another shop's document name is simply not found.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string name, CancellationToken cancellationToken) =>
        await submissions.DocumentAsync(Shop.Id, name, cancellationToken) is { } file
            ? PhysicalFile(file.Path, file.ContentType, file.FileName)
            : NotFound();
}

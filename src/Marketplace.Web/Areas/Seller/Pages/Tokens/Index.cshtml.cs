using System.ComponentModel.DataAnnotations;
using Marketplace.Domain;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Sellers;
using Marketplace.Web.Features.Sellers.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Tokens;

/// <summary>Personal access tokens for the seller API: created (the secret is shown once, on this response only) and revoked.</summary>
public sealed class IndexModel(SellerApiTokens tokens, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(SellerApiToken.NameMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Seller.Tokens.Name")]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    [Display(Name = "Seller.Tokens.CanWrite")]
    public bool CanWrite { get; set; } = true;

    public IReadOnlyList<SellerApiToken> Tokens { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tokens = await tokens.ListAsync(Shop.Id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                NewSecret = (await tokens.CreateAsync(Shop.Id, Name, CanWrite, cancellationToken)).Secret;
                Name = string.Empty;
                ModelState.Clear();
            }
            catch (DomainException e)
            {
                ModelState.AddModelError(nameof(Name), text.Describe(e));
            }
        }

        // The secret is rendered into this response and never stored, so there is no redirect after this post.
        Response.Headers.CacheControl = "no-store";
        Tokens = await tokens.ListAsync(Shop.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(Shop.Id, id, cancellationToken) ? RedirectToPage() : NotFound();
}

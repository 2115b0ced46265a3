using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Web.Features.Sellers;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Features.Sellers.Listings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Listings;

/// <summary>Create and edit a listing, with images; saving as draft, publishing (the decision shows at once), archiving.</summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class EditModel(
    SellerListings listings, ImageStore images, IDataProtectionProvider protection, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    private const long MaxRequestBytes = (Listing.MaxImages * ImageStore.MaxBytes) + (1024 * 1024);

    private readonly IDataProtector _keptImages = protection.CreateProtector("Marketplace.Seller.KeptImages");

    [BindProperty]
    public ListingForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Uploads { get; set; } = [];

    /// <summary>Images stored by an earlier attempt whose other fields were refused, carried as protected tokens.</summary>
    [BindProperty]
    public List<string> Kept { get; set; } = [];

    public List<(string Token, string Name)> KeptImages { get; } = [];

    /// <summary>The seller has seen the warning that this save earns a strike and goes ahead.</summary>
    [BindProperty]
    public bool StrikeAccepted { get; set; }

    /// <summary>Set when saving would earn a strike the seller has not been warned of: shown instead of saving.</summary>
    public ListingPreview? StrikeWarning { get; private set; }

    /// <summary>When a save met a newer version of the listing: what is saved now where it differs from the form.</summary>
    public IReadOnlyList<SavedField> SavedNow { get; private set; } = [];

    public Listing? Listing { get; private set; }

    public ListingStatus? Status { get; private set; }

    public CategoryIndex Categories { get; private set; } = null!;

    /// <summary>For a cross-border shop, the categories it cannot list in now, marked in the picker; empty for a local shop.</summary>
    public IReadOnlyDictionary<string, ClosedCluster> Closed { get; private set; } = new Dictionary<string, ClosedCluster>();

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Listing is not null)
        {
            Input = ListingForm.From(Listing, Categories.ById(Listing.CategoryId)?.Slug ?? string.Empty);
        }

        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(long? id, CancellationToken cancellationToken) => SaveAsync(id, publish: false, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(long? id, CancellationToken cancellationToken) => SaveAsync(id, publish: true, cancellationToken);

    public async Task<IActionResult> OnPostArchiveAsync(long id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, () => listings.ArchiveAsync(Shop.Id, id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(long id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, () => listings.RestoreAsync(Shop.Id, id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRemoveImageAsync(long id, string name, CancellationToken cancellationToken) =>
        await ChangeAsync(id, () => listings.RemoveImageAsync(Shop.Id, id, name, cancellationToken), cancellationToken);

    private async Task<IActionResult> SaveAsync(long? id, bool publish, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var stored = new List<StoredImage>();
        foreach (var token in Kept)
        {
            if (Unprotect(token) is { } image && await images.ExistsAsync(image.Name, cancellationToken))
            {
                stored.Add(image);
            }
        }

        foreach (var upload in Uploads)
        {
            var saved = await images.SaveAsync(upload, Shop.Id, cancellationToken);
            if (saved.Image is null)
            {
                ModelState.AddModelError(nameof(Uploads), text[saved.ProblemKey!, saved.FileName]);
            }
            else
            {
                stored.Add(saved.Image);
            }
        }

        if (ModelState.IsValid && !StrikeAccepted
            && await listings.PreviewAsync(Shop, id, Input.ToFields(), stored, publish, DecisionTrigger.SellerPublish, Actor, Input.Version, cancellationToken) is { EarnsStrike: true } preview)
        {
            // No strike without a warning the seller saw: nothing is saved until the seller goes ahead knowingly.
            StrikeWarning = preview;
            KeptImages.AddRange(stored.Select(s => (Protect(s), s.Name)));
            return Page();
        }

        var result = ModelState.IsValid
            ? await listings.SaveAsync(Shop, id, Input.ToFields(), stored, publish, DecisionTrigger.SellerPublish, Actor, Input.Version, cancellationToken)
            : ListingSaveResult.Refused();
        if (result is null)
        {
            return NotFound();
        }

        if (result.Stale && await LoadAsync(id, cancellationToken) && Listing is not null)
        {
            // The seller's input stays in the form; the next save is made knowingly over the version shown now.
            var saved = ListingForm.From(Listing, Categories.ById(Listing.CategoryId)?.Slug ?? string.Empty);
            SavedNow = Input.DifferencesFrom(saved);
            Input.Version = saved.Version;
            ModelState.Remove($"{nameof(Input)}.{nameof(ListingForm.Version)}");
            ModelState.AddModelError(string.Empty, text["Seller.Listing.ChangedElsewhere"]);
        }

        foreach (var problem in result.Problems)
        {
            var property = problem.Field == "images" ? nameof(Uploads) : Input.PropertyFor(problem.Field);
            ModelState.AddModelError(property.Length == 0 || property == nameof(Uploads) ? property : $"{nameof(Input)}.{property}", text.Problem(problem.Key));
        }

        if (result.ListingId is { } listingId)
        {
            return RedirectToPage(new { id = listingId });
        }

        // Nothing was saved: the form comes back as typed, with the images that did pass kept for the next attempt.
        KeptImages.AddRange(stored.Select(s => (Protect(s), s.Name)));
        return Page();
    }

    private async Task<IActionResult> ChangeAsync(long id, Func<Task<bool>> change, CancellationToken cancellationToken)
    {
        try
        {
            if (!await change())
            {
                return NotFound();
            }
        }
        catch (DomainException e)
        {
            await LoadAsync(id, cancellationToken);
            Input = ListingForm.From(Listing!, Categories.ById(Listing!.CategoryId)?.Slug ?? string.Empty);
            ModelState.AddModelError(string.Empty, text.Describe(e));
            return Page();
        }

        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long? id, CancellationToken cancellationToken)
    {
        Categories = await listings.CategoriesAsync(cancellationToken);
        if (Shop.IsCrossBorder)
        {
            Closed = await listings.ClosedToCrossBorderAsync(cancellationToken);
        }

        if (id is not { } listingId)
        {
            return true;
        }

        Listing = await listings.FindAsync(Shop.Id, listingId, cancellationToken);
        Status = Listing is null ? null : await listings.StatusAsync(Shop.Id, listingId, cancellationToken);
        return Listing is not null;
    }

    private string Protect(StoredImage image) => _keptImages.Protect($"{Shop.Id}|{image.Name}|{image.ContentType}");

    private StoredImage? Unprotect(string token)
    {
        try
        {
            var parts = _keptImages.Unprotect(token).Split('|');
            return parts.Length == 3 && parts[0] == Shop.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                ? new StoredImage(parts[1], parts[2])
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

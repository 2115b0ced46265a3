using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marketplace.Domain;
using Marketplace.Domain.Listings;

namespace Marketplace.Web.Features.Sellers.Listings;

/// <summary>The listing form's fields, as typed; <see cref="ListingRules"/> checks them.</summary>
public sealed class ListingForm
{
    [Display(Name = "Seller.Listing.Sku")]
    public string? Sku { get; set; }

    [Display(Name = "Seller.Listing.Category")]
    public string? Category { get; set; }

    [Display(Name = "Seller.Listing.TitleField")]
    public string? Title { get; set; }

    [Display(Name = "Seller.Listing.Description")]
    public string? Description { get; set; }

    [Display(Name = "Seller.Listing.Price")]
    public string? Price { get; set; }

    [Display(Name = "Seller.Listing.Stock")]
    public string? Stock { get; set; }

    [Display(Name = "Seller.Listing.Tkdn")]
    public string? TkdnPercent { get; set; }

    [Display(Name = "Seller.Listing.Imported")]
    public bool Imported { get; set; }

    /// <summary>The content version the form was opened at; saving over a newer version is refused, not applied.</summary>
    public int? Version { get; set; }

    /// <summary>The form property a field's problem belongs to.</summary>
    public static string PropertyOf(string field) => field switch
    {
        ListingColumns.Sku => nameof(Sku),
        ListingColumns.Category => nameof(Category),
        ListingColumns.Title => nameof(Title),
        ListingColumns.Description => nameof(Description),
        ListingColumns.Price => nameof(Price),
        ListingColumns.Stock => nameof(Stock),
        ListingColumns.TkdnPercent => nameof(TkdnPercent),
        ListingColumns.Origin => nameof(Imported),
        _ => string.Empty,
    };

    public static ListingForm From(Listing listing, string categorySlug)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return new ListingForm
        {
            Sku = listing.Sku,
            Category = categorySlug,
            Title = listing.Title,
            Description = listing.Description,
            Price = listing.Price.Amount.ToString(CultureInfo.InvariantCulture),
            Stock = listing.Stock.ToString(CultureInfo.InvariantCulture),
            TkdnPercent = listing.TkdnPercent?.ToString("0.##", CultureInfo.InvariantCulture),
            Imported = listing.Origin == ProductOrigin.Imported,
            Version = listing.Version,
        };
    }

    /// <summary>
    /// Where the listing as saved now differs from what this form holds: each field's label key and the saved value
    /// (for the origin, a resource key), so a seller whose save met a newer version sees what the other change was.
    /// </summary>
    public IReadOnlyList<SavedField> DifferencesFrom(ListingForm saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var differences = new List<SavedField>();
        void Compare(string label, string? mine, string? theirs, string shown)
        {
            if (!string.Equals(mine?.Trim() ?? string.Empty, theirs?.Trim() ?? string.Empty, StringComparison.Ordinal))
            {
                differences.Add(new SavedField(label, shown, ValueIsKey: false));
            }
        }

        Compare("Seller.Listing.Category", Category, saved.Category, saved.Category ?? string.Empty);
        Compare("Seller.Listing.TitleField", Title, saved.Title, saved.Title ?? string.Empty);
        Compare("Seller.Listing.Description", Description, saved.Description, saved.Description ?? string.Empty);
        if (!(Rupiah.TryParse(Price, out var mine) && Rupiah.TryParse(saved.Price, out var theirs) && mine == theirs))
        {
            differences.Add(new SavedField("Seller.Listing.Price", Rupiah.TryParse(saved.Price, out var shown) ? shown.ToString() : saved.Price ?? string.Empty, ValueIsKey: false));
        }

        Compare("Seller.Listing.Stock", Stock, saved.Stock, saved.Stock ?? string.Empty);
        Compare("Seller.Listing.Tkdn", TkdnPercent, saved.TkdnPercent, saved.TkdnPercent ?? string.Empty);
        if (Imported != saved.Imported)
        {
            differences.Add(new SavedField("Seller.Listing.Imported", saved.Imported ? "Search.Filter.OriginImported" : "Search.Filter.OriginLocal", ValueIsKey: true));
        }

        return differences;
    }

    public ListingFields ToFields() =>
        new(Sku, Category, Title, Description, Price, Stock, TkdnPercent, Imported ? ListingRules.Imported : ListingRules.Local);
}

/// <summary>One field of a listing as saved now, shown beside a form whose save met a newer version.</summary>
public sealed record SavedField(string LabelKey, string Value, bool ValueIsKey);

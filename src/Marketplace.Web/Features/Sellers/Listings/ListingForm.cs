using System.ComponentModel.DataAnnotations;
using System.Globalization;
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
        };
    }

    public ListingFields ToFields() =>
        new(Sku, Category, Title, Description, Price, Stock, TkdnPercent, Imported ? ListingRules.Imported : ListingRules.Local);
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marketplace.Domain;
using Marketplace.Domain.Listings;

namespace Marketplace.Web.Features.Sellers.Listings;

/// <summary>The listing form's fields, as typed; <see cref="ListingInputChecks"/> checks them.</summary>
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

    [Display(Name = "Seller.Listing.WeightGrams")]
    public string? WeightGrams { get; set; }

    [Display(Name = "Seller.Listing.LengthCm")]
    public string? LengthCm { get; set; }

    [Display(Name = "Seller.Listing.WidthCm")]
    public string? WidthCm { get; set; }

    [Display(Name = "Seller.Listing.HeightCm")]
    public string? HeightCm { get; set; }

    /// <summary>The content version the form was opened at; saving over a newer version is refused, not applied.</summary>
    public int? Version { get; set; }

    /// <summary>The first option every variant has, such as "Ukuran"; empty for a listing without variants.</summary>
    [Display(Name = "Seller.Listing.VariantName1")]
    public string? VariantName1 { get; set; }

    /// <summary>An optional second option, such as "Warna".</summary>
    [Display(Name = "Seller.Listing.VariantName2")]
    public string? VariantName2 { get; set; }

    public List<VariantInput> Variants { get; set; } = [];

    /// <summary>For each row sent as a variant, the form row it came from: blank and removed rows are not sent.</summary>
    private List<int> _sentRows = [];

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
        ListingColumns.WeightGrams => nameof(WeightGrams),
        ListingColumns.LengthCm => nameof(LengthCm),
        ListingColumns.WidthCm => nameof(WidthCm),
        ListingColumns.HeightCm => nameof(HeightCm),
        _ => string.Empty,
    };

    /// <summary>The form property a problem belongs to, a variant row's problem included.</summary>
    public string PropertyFor(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (!field.StartsWith(VariantRules.Field, StringComparison.Ordinal) || open < 0 || close < open
            || !int.TryParse(field.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sent) || sent >= _sentRows.Count)
        {
            return field == VariantRules.Field ? nameof(VariantName1) : PropertyOf(field);
        }

        var row = _sentRows[sent];
        return field[(close + 2)..] switch
        {
            VariantRules.Name1 => nameof(VariantName1),
            VariantRules.Name2 => nameof(VariantName2),
            VariantRules.Value1 => $"{nameof(Variants)}[{row}].{nameof(VariantInput.Value1)}",
            VariantRules.Value2 => $"{nameof(Variants)}[{row}].{nameof(VariantInput.Value2)}",
            ListingColumns.Price => $"{nameof(Variants)}[{row}].{nameof(VariantInput.Price)}",
            _ => $"{nameof(Variants)}[{row}].{nameof(VariantInput.Stock)}",
        };
    }

    public static ListingForm From(Listing listing, string categorySlug)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var first = listing.Variants.OrderBy(v => v.Position).FirstOrDefault();
        return new ListingForm
        {
            VariantName1 = first?.Name1,
            VariantName2 = first?.Name2,
            Variants = listing.Variants.OrderBy(v => v.Position).Select(v => new VariantInput
            {
                Id = v.Id,
                Value1 = v.Value1,
                Value2 = v.Value2,
                Price = v.Price.Amount.ToString(CultureInfo.InvariantCulture),
                Stock = v.Stock.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
            Sku = listing.Sku,
            Category = categorySlug,
            Title = listing.Title,
            Description = listing.Description,
            Price = listing.Price.Amount.ToString(CultureInfo.InvariantCulture),
            Stock = listing.Stock.ToString(CultureInfo.InvariantCulture),
            TkdnPercent = listing.TkdnPercent?.ToString("0.##", CultureInfo.InvariantCulture),
            Imported = listing.Origin == ProductOrigin.Imported,
            WeightGrams = listing.WeightGrams.ToString(CultureInfo.InvariantCulture),
            LengthCm = listing.LengthCm?.ToString(CultureInfo.InvariantCulture),
            WidthCm = listing.WidthCm?.ToString(CultureInfo.InvariantCulture),
            HeightCm = listing.HeightCm?.ToString(CultureInfo.InvariantCulture),
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

    public ListingFields ToFields()
    {
        _sentRows = Variants.Select((v, i) => (v, i)).Where(r => !r.v.Remove && !r.v.IsBlank).Select(r => r.i).ToList();
        var variants = _sentRows.Select(i => Variants[i])
            .Select(v => new VariantFields(v.Id, VariantName1, v.Value1, VariantName2, v.Value2, v.Price, v.Stock))
            .ToList();
        return new(Sku, Category, Title, Description, Price, Stock, TkdnPercent, Imported ? ListingInputChecks.Imported : ListingInputChecks.Local, variants,
            new ParcelFields(WeightGrams, LengthCm, WidthCm, HeightCm));
    }
}

/// <summary>One variant row of the listing form. A blank row is ignored; a ticked <see cref="Remove"/> removes the variant.</summary>
public sealed class VariantInput
{
    public long? Id { get; set; }

    [Display(Name = "Seller.Listing.VariantValue1")]
    public string? Value1 { get; set; }

    [Display(Name = "Seller.Listing.VariantValue2")]
    public string? Value2 { get; set; }

    [Display(Name = "Seller.Listing.Price")]
    public string? Price { get; set; }

    [Display(Name = "Seller.Listing.Stock")]
    public string? Stock { get; set; }

    [Display(Name = "Seller.Listing.VariantRemove")]
    public bool Remove { get; set; }

    public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(Value1) && string.IsNullOrWhiteSpace(Value2) && string.IsNullOrWhiteSpace(Price) && string.IsNullOrWhiteSpace(Stock);
}

/// <summary>One field of a listing as saved now, shown beside a form whose save met a newer version.</summary>
public sealed record SavedField(string LabelKey, string Value, bool ValueIsKey);

using System.Globalization;
using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Features.Sellers.Shop;

namespace Marketplace.Web.Features.Sellers.Listings;

/// <summary>The names of a listing's fields, the same in the CSV header, the API's JSON and the problems reported.</summary>
public static class ListingColumns
{
    public const string Sku = "sku";
    public const string Category = "category";
    public const string Title = "title";
    public const string Description = "description";
    public const string Price = "price";
    public const string Stock = "stock";
    public const string TkdnPercent = "tkdn_percent";
    public const string Origin = "origin";
    public const string WeightGrams = "weight_grams";
    public const string LengthCm = "length_cm";
    public const string WidthCm = "width_cm";
    public const string HeightCm = "height_cm";

    public static readonly IReadOnlyList<string> All = [Sku, Category, Title, Description, Price, Stock, TkdnPercent, Origin, WeightGrams, LengthCm, WidthCm, HeightCm];
}

/// <summary>A listing as typed into a form, a CSV row or an API request: text, not yet checked.</summary>
/// <param name="Variants">The listing's variants, replacing the ones it has; null leaves them as they are.</param>
/// <param name="Parcel">One packed unit's weight and optional size, as typed.</param>
public sealed record ListingFields(
    string? Sku, string? Category, string? Title, string? Description, string? Price, string? Stock, string? TkdnPercent, string? Origin, IReadOnlyList<VariantFields>? Variants = null,
    ParcelFields? Parcel = null);

/// <summary>A packed unit's weight in grams and its length, width and height in cm, as typed; all blank leaves them as they are.</summary>
public sealed record ParcelFields(string? WeightGrams, string? LengthCm, string? WidthCm, string? HeightCm)
{
    public bool IsBlank => new[] { WeightGrams, LengthCm, WidthCm, HeightCm }.All(string.IsNullOrWhiteSpace);
}

/// <param name="Variants">The variants to set, null to leave them: with variants, the content's price and stock are theirs.</param>
/// <param name="Parcel">The weight and size to set; null when none was given (an existing listing keeps its own).</param>
public sealed record CheckedListing(string Sku, ListingContent Content, IReadOnlyList<VariantDraft>? Variants = null, ParcelSize? Parcel = null);

/// <summary>
/// The one set of checks every way of making a listing goes through (form, CSV, API), so a row refused in one is
/// refused in all, with the same reason.
/// </summary>
public static class ListingInputChecks
{
    public const string Local = "local";
    public const string Imported = "imported";

    public static CheckedListing? Check(ListingFields fields, CategoryIndex categories, SellerOrigin sellerOrigin, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;

        var sku = (fields.Sku ?? string.Empty).Trim();
        if (sku.Length == 0)
        {
            problems.Add(new FieldProblem(ListingColumns.Sku, "Seller.Listing.Problem.SkuRequired"));
        }
        else if (!IsValidSku(sku))
        {
            problems.Add(new FieldProblem(ListingColumns.Sku, "Seller.Listing.Problem.SkuInvalid"));
        }

        var category = categories.Find(fields.Category);
        if (string.IsNullOrWhiteSpace(fields.Category))
        {
            problems.Add(new FieldProblem(ListingColumns.Category, "Seller.Listing.Problem.CategoryRequired"));
        }
        else if (category is null)
        {
            problems.Add(new FieldProblem(ListingColumns.Category, "Seller.Listing.Problem.CategoryUnknown"));
        }
        else if (!category.IsLeaf || category.IsRetired)
        {
            problems.Add(new FieldProblem(ListingColumns.Category, "Seller.Listing.Problem.CategoryNotLeaf"));
        }

        var title = (fields.Title ?? string.Empty).Trim();
        if (!Readable(fields.Title))
        {
            problems.Add(new FieldProblem(ListingColumns.Title, "Seller.Listing.Problem.Encoding"));
        }
        else if (title.Length is < 3 or > ListingContent.TitleMaxLength)
        {
            problems.Add(new FieldProblem(ListingColumns.Title, "Seller.Listing.Problem.TitleLength"));
        }

        var description = (fields.Description ?? string.Empty).Trim();
        if (!Readable(fields.Description))
        {
            problems.Add(new FieldProblem(ListingColumns.Description, "Seller.Listing.Problem.Encoding"));
        }
        else if (description.Length > ListingContent.DescriptionMaxLength)
        {
            problems.Add(new FieldProblem(ListingColumns.Description, "Seller.Listing.Problem.DescriptionTooLong"));
        }

        // With variants, price and stock are the variants' own: the listing's are their lowest price and their total.
        var variants = fields.Variants is { Count: > 0 } rows ? VariantRules.Check(rows, problems) : fields.Variants is null ? null : [];
        Rupiah? price;
        int? stock;
        if (variants is { Count: > 0 })
        {
            (price, stock) = Listing.Totals(variants);
        }
        else if (fields.Variants is { Count: > 0 })
        {
            // The rows were refused; the listing's own price and stock are not asked for.
            (price, stock) = (null, null);
        }
        else
        {
            price = CheckPrice(fields.Price, ListingColumns.Price, problems);
            stock = CheckStock(fields.Stock, ListingColumns.Stock, problems);
        }

        decimal? tkdn = null;
        var tkdnText = (fields.TkdnPercent ?? string.Empty).Trim().TrimEnd('%').Trim().Replace(',', '.');
        if (tkdnText.Length > 0)
        {
            if (decimal.TryParse(tkdnText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value <= 100 && decimal.Round(value, 2) == value)
            {
                tkdn = value;
            }
            else
            {
                problems.Add(new FieldProblem(ListingColumns.TkdnPercent, "Seller.Listing.Problem.TkdnInvalid"));
            }
        }

        var origin = ProductOrigin.Local;
        switch ((fields.Origin ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "" or Local or "lokal":
                break;
            case Imported or "impor":
                origin = ProductOrigin.Imported;
                break;
            default:
                problems.Add(new FieldProblem(ListingColumns.Origin, "Seller.Listing.Problem.OriginInvalid"));
                break;
        }

        var parcel = fields.Parcel is { IsBlank: false } typed ? CheckParcel(typed, problems) : null;
        if (problems.Count > before || category is null || price is null || stock is null)
        {
            return null;
        }

        // A cross-border seller's goods are imported whatever the row says; the policy reads the seller's origin too.
        var content = new ListingContent(category.Id, title, description, price.Value, stock.Value, PlacedListings.IsShopAbroad(sellerOrigin) ? ProductOrigin.Imported : origin, tkdn);
        return new CheckedListing(sku, content, variants, parcel);
    }

    /// <summary>
    /// A weight in grams (1 to 50,000; "1.200" reads as 1200) and optionally all three sides in cm (1 to 200), or null with a
    /// problem on each field that is wrong.
    /// </summary>
    public static ParcelSize? CheckParcel(ParcelFields fields, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        int? Whole(string? text, string field, int max, string problem)
        {
            var typed = (text ?? string.Empty).Trim().Replace(".", string.Empty, StringComparison.Ordinal);
            if (typed.Length == 0)
            {
                return null;
            }

            if (int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 && value <= max)
            {
                return value;
            }

            problems.Add(new FieldProblem(field, problem));
            return null;
        }

        var grams = Whole(fields.WeightGrams, ListingColumns.WeightGrams, ParcelSize.MaxGrams, "Seller.Listing.Problem.WeightInvalid");
        if (string.IsNullOrWhiteSpace(fields.WeightGrams))
        {
            problems.Add(new FieldProblem(ListingColumns.WeightGrams, "Seller.Listing.Problem.WeightRequired"));
        }

        var length = Whole(fields.LengthCm, ListingColumns.LengthCm, ParcelSize.MaxSideCm, "Seller.Listing.Problem.DimensionInvalid");
        var width = Whole(fields.WidthCm, ListingColumns.WidthCm, ParcelSize.MaxSideCm, "Seller.Listing.Problem.DimensionInvalid");
        var height = Whole(fields.HeightCm, ListingColumns.HeightCm, ParcelSize.MaxSideCm, "Seller.Listing.Problem.DimensionInvalid");
        var sides = new[] { (fields.LengthCm, ListingColumns.LengthCm), (fields.WidthCm, ListingColumns.WidthCm), (fields.HeightCm, ListingColumns.HeightCm) };
        if (sides.Any(s => !string.IsNullOrWhiteSpace(s.Item1)))
        {
            foreach (var (_, field) in sides.Where(s => string.IsNullOrWhiteSpace(s.Item1)))
            {
                problems.Add(new FieldProblem(field, "Seller.Listing.Problem.DimensionsIncomplete"));
            }
        }

        return problems.Count > before || grams is null ? null : new ParcelSize(grams.Value, length, width, height);
    }

    /// <summary>A price as typed, or null with a problem on <paramref name="field"/>.</summary>
    public static Rupiah? CheckPrice(string? text, string field, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!Rupiah.TryParse(text, out var price))
        {
            problems.Add(new FieldProblem(field, "Seller.Listing.Problem.PriceInvalid"));
            return null;
        }

        if (price.Amount <= 0 || price > Rupiah.MaxPrice)
        {
            problems.Add(new FieldProblem(field, "Seller.Listing.Problem.PriceOutOfRange"));
            return null;
        }

        return price;
    }

    /// <summary>A stock as typed ("1.200" reads as 1200), or null with a problem on <paramref name="field"/>.</summary>
    public static int? CheckStock(string? text, string field, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var stockText = (text ?? string.Empty).Trim();
        if (!int.TryParse(stockText.Replace(".", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var stock) || stock > ListingContent.MaxStock)
        {
            problems.Add(new FieldProblem(field, "Seller.Listing.Problem.StockInvalid"));
            return null;
        }

        return stock;
    }

    public static bool IsValidSku(string sku)
    {
        try
        {
            ListingContent.NormalizeSku(sku);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    /// <summary>Text that arrived intact: no replacement characters from a wrong encoding and no control characters.</summary>
    private static bool Readable(string? text) =>
        text is null || !text.Any(c => c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t')));

    public static string OriginText(ProductOrigin origin) => origin == ProductOrigin.Imported ? Imported : Local;
}

using System.Globalization;
using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
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

    public static readonly IReadOnlyList<string> All = [Sku, Category, Title, Description, Price, Stock, TkdnPercent, Origin];
}

/// <summary>A listing as typed into a form, a CSV row or an API request: text, not yet checked.</summary>
/// <param name="Variants">The listing's variants, replacing the ones it has; null leaves them as they are.</param>
public sealed record ListingFields(
    string? Sku, string? Category, string? Title, string? Description, string? Price, string? Stock, string? TkdnPercent, string? Origin, IReadOnlyList<VariantFields>? Variants = null);

/// <param name="Variants">The variants to set, null to leave them: with variants, the content's price and stock are theirs.</param>
public sealed record CheckedListing(string Sku, ListingContent Content, IReadOnlyList<VariantDraft>? Variants = null);

/// <summary>
/// The one set of checks every way of making a listing goes through (form, CSV, API), so a row refused in one is
/// refused in all, with the same reason.
/// </summary>
public static class ListingRules
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

        if (problems.Count > before || category is null || price is null || stock is null)
        {
            return null;
        }

        // A cross-border seller's goods are imported whatever the row says; the policy reads the seller's origin too.
        var content = new ListingContent(category.Id, title, description, price.Value, stock.Value, sellerOrigin == SellerOrigin.CrossBorder ? ProductOrigin.Imported : origin, tkdn);
        return new CheckedListing(sku, content, variants);
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

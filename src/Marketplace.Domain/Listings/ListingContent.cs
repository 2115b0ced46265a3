namespace Marketplace.Domain.Listings;

/// <summary>What a seller types about a product. Validated on creation so a listing never holds an invalid value.</summary>
public sealed record ListingContent
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 5000;
    public const int SkuMaxLength = 64;
    public const int MaxStock = 1_000_000;

    public ListingContent(int categoryId, string title, string description, Rupiah price, int stock, ProductOrigin origin, decimal? tkdnPercent)
    {
        CategoryId = categoryId > 0 ? categoryId : throw new DomainException("listing.category_required", "A listing needs a category.");
        Title = Text(title, 3, TitleMaxLength, "listing.title_invalid");
        Description = (description ?? string.Empty).Trim();
        if (Description.Length > DescriptionMaxLength)
        {
            throw new DomainException("listing.description_too_long", $"A description has at most {DescriptionMaxLength} characters.");
        }

        Price = price.Amount is > 0 && price <= Rupiah.MaxPrice
            ? price
            : throw new DomainException("listing.price_invalid", "A price is above Rp 0 and at most Rp 10.000.000.000.");
        Stock = stock is >= 0 and <= MaxStock ? stock : throw new DomainException("listing.stock_invalid", "Stock runs from 0 to 1,000,000.");
        Origin = origin;
        TkdnPercent = tkdnPercent is null or (>= 0 and <= 100)
            ? tkdnPercent
            : throw new DomainException("listing.tkdn_invalid", "TKDN is a percentage from 0 to 100.");
    }

    public int CategoryId { get; }

    public string Title { get; }

    public string Description { get; }

    public Rupiah Price { get; }

    public int Stock { get; }

    public ProductOrigin Origin { get; }

    /// <summary>Certified local-content percentage (Tingkat Komponen Dalam Negeri), when the product has one.</summary>
    public decimal? TkdnPercent { get; }

    public static string NormalizeSku(string sku)
    {
        var value = (sku ?? string.Empty).Trim();
        return value.Length is >= 1 and <= SkuMaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
            ? value
            : throw new DomainException("listing.sku_invalid", "A SKU has 1 to 64 letters, digits, '-', '_', '.' or '/'.");
    }

    private static string Text(string value, int min, int max, string code)
    {
        var text = (value ?? string.Empty).Trim();
        return text.Length >= min && text.Length <= max
            ? text
            : throw new DomainException(code, $"Expected {min} to {max} characters.");
    }
}

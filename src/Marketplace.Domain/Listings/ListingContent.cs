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

    /// <summary>
    /// What changing a listing's content from <paramref name="before"/> to this means, once for every writer (the entity's
    /// edit, the CSV importer's set-based upsert).
    /// </summary>
    public ListingContentChange ChangeFrom(ListingContent before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var words = before.CategoryId != CategoryId || before.Title != Title || before.Description != Description;
        return new ListingContentChange(
            Changed: before != this,
            PolicyInputChanged: words || before.Price != Price || before.Origin != Origin,
            WithdrawsClearance: words);
    }

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

/// <summary>What a content change means for a listing.</summary>
/// <param name="Changed">Something the seller wrote changed: the content version moves.</param>
/// <param name="PolicyInputChanged">Something the policy reads changed: a live listing must be decided again before anyone sees it.</param>
/// <param name="WithdrawsClearance">The words or the category changed: an admin's earlier "correctly classified" was of the old ones and no longer holds.</param>
public sealed record ListingContentChange(bool Changed, bool PolicyInputChanged, bool WithdrawsClearance);

namespace Marketplace.Domain.Listings;

/// <summary>
/// One variant of a listing (a size, a colour) with its own price and stock. Part of the <see cref="Listing"/> aggregate:
/// changed only through it, and never visible unless its listing is.
/// </summary>
public sealed class ListingVariant
{
    private ListingVariant()
    {
        Name1 = string.Empty;
        Value1 = string.Empty;
    }

    internal ListingVariant(VariantDraft draft, int position)
    {
        Name1 = string.Empty;
        Value1 = string.Empty;
        Apply(draft, position);
    }

    public long Id { get; private set; }

    public long ListingId { get; private set; }

    public string Name1 { get; private set; }

    public string Value1 { get; private set; }

    public string? Name2 { get; private set; }

    public string? Value2 { get; private set; }

    public Rupiah Price { get; private set; }

    public int Stock { get; private set; }

    public int Position { get; private set; }

    public VariantOptions Options => new(Name1, Value1, Name2, Value2);

    public string Label => Options.Label;

    internal void Apply(VariantDraft draft, int position)
    {
        Name1 = draft.Options.Name1;
        Value1 = draft.Options.Value1;
        Name2 = draft.Options.Name2;
        Value2 = draft.Options.Value2;
        Price = draft.Price;
        Stock = draft.Stock;
        Position = position;
    }

    internal void Restock(int quantity) => Stock += quantity;

    internal void Take(int quantity) => Stock -= quantity;
}

/// <summary>A variant as the seller sends it; <see cref="Id"/> names an existing variant to change, null a new one.</summary>
public sealed record VariantDraft
{
    public VariantDraft(long? id, VariantOptions options, Rupiah price, int stock)
    {
        Id = id;
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Price = price.Amount is > 0 && price <= Rupiah.MaxPrice
            ? price
            : throw new DomainException("listing.price_invalid", "A price is above Rp 0 and at most Rp 10.000.000.000.");
        Stock = stock is >= 0 and <= ListingContent.MaxStock ? stock : throw new DomainException("listing.stock_invalid", "Stock runs from 0 to 1,000,000.");
    }

    public long? Id { get; }

    public VariantOptions Options { get; }

    public Rupiah Price { get; }

    public int Stock { get; }
}

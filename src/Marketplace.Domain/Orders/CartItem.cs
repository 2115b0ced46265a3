namespace Marketplace.Domain.Orders;

public sealed class CartItem
{
    private CartItem()
    {
    }

    internal CartItem(long listingId, long? variantId, int quantity)
    {
        ListingId = listingId;
        VariantId = variantId;
        Quantity = quantity;
    }

    public long Id { get; private set; }

    public Guid CartId { get; private set; }

    public long ListingId { get; private set; }

    /// <summary>The variant chosen on the product page; null for a listing without variants.</summary>
    public long? VariantId { get; private set; }

    public int Quantity { get; private set; }

    internal void SetQuantity(int quantity) => Quantity = quantity;
}

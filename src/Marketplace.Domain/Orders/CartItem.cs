namespace Marketplace.Domain.Orders;

public sealed class CartItem
{
    private CartItem()
    {
    }

    internal CartItem(long listingId, int quantity)
    {
        ListingId = listingId;
        Quantity = quantity;
    }

    public long Id { get; private set; }

    public Guid CartId { get; private set; }

    public long ListingId { get; private set; }

    public int Quantity { get; private set; }

    internal void SetQuantity(int quantity) => Quantity = quantity;
}

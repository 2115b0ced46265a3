namespace Marketplace.Domain.Orders;

/// <summary>One listing in an order, belonging to one seller, with the title and price as they were when ordered.</summary>
public sealed class OrderLine
{
    private OrderLine()
    {
        Title = string.Empty;
    }

    internal OrderLine(long listingId, int sellerId, string title, Rupiah unitPrice, int quantity)
    {
        ListingId = listingId;
        SellerId = sellerId;
        Title = title;
        UnitPrice = unitPrice;
        Quantity = quantity;
    }

    public long Id { get; private set; }

    public long OrderId { get; private set; }

    public long ListingId { get; private set; }

    public int SellerId { get; private set; }

    public string Title { get; private set; }

    public Rupiah UnitPrice { get; private set; }

    public int Quantity { get; private set; }

    public OrderLineStatus Status { get; private set; }

    public string? TrackingNumber { get; private set; }

    public uint Version { get; private set; }

    public Rupiah LineTotal => UnitPrice * Quantity;
}

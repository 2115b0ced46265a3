namespace Marketplace.Domain.Orders;

/// <summary>A placed order. Its lines may come from several sellers; each seller handles its own lines.</summary>
public sealed class Order
{
    private readonly List<OrderLine> _lines = [];

    private Order()
    {
        Number = string.Empty;
        ShopperUserId = string.Empty;
        Address = null!;
    }

    public Order(string number, string shopperUserId, ShippingAddress address, PaymentMethod paymentMethod, Rupiah shippingFeePerSeller, DateTimeOffset placedAt)
        : this()
    {
        Number = OrderNumber.IsWellFormed(number) ? number : throw new DomainException("order.number_invalid", $"'{number}' is not an order number.");
        ShopperUserId = string.IsNullOrWhiteSpace(shopperUserId)
            ? throw new DomainException("order.shopper_required", "An order belongs to a shopper.")
            : shopperUserId;
        Address = address ?? throw new DomainException("order.address_required", "An order needs a shipping address.");
        PaymentMethod = paymentMethod;
        ShippingFeePerSeller = shippingFeePerSeller;
        PlacedAt = placedAt;
    }

    public long Id { get; private set; }

    /// <summary>The number a shopper quotes, such as <c>MP-20261122-8F3K2Q</c>.</summary>
    public string Number { get; private set; }

    public string ShopperUserId { get; private set; }

    public ShippingAddress Address { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public Rupiah ShippingFeePerSeller { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    public IReadOnlyCollection<OrderLine> Lines => _lines.AsReadOnly();

    public int SellerCount => _lines.Select(l => l.SellerId).Distinct().Count();

    public Rupiah Subtotal => Rupiah.Sum(_lines.Select(l => l.LineTotal));

    public Rupiah ShippingTotal => ShippingFeePerSeller * SellerCount;

    public Rupiah Total => Subtotal + ShippingTotal;

    /// <summary>The order split by seller, in the order the sellers' first lines were added: each seller packs and ships its own part.</summary>
    public IReadOnlyList<OrderPart> Parts =>
        _lines.GroupBy(l => l.SellerId).Select(g => new OrderPart(g.Key, g.ToList(), ShippingFeePerSeller)).ToList();

    public void AddLine(long listingId, int sellerId, string title, Rupiah unitPrice, int quantity)
    {
        if (quantity <= 0)
        {
            throw new DomainException("order.quantity_invalid", "Quantity must be at least 1.");
        }

        _lines.Add(new OrderLine(listingId, sellerId, title, unitPrice, quantity));
    }
}

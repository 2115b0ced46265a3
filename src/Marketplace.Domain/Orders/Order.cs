using System.Linq.Expressions;
using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Orders;

/// <summary>A placed order. Its lines may come from several sellers; each seller handles its own lines.</summary>
public sealed class Order
{
    private static readonly Func<Order, bool> Released = ReleasedToSellers.Compile();

    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderShipping> _shipping = [];

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
        PaymentStatus = paymentMethod == PaymentMethod.CashOnDelivery ? PaymentStatus.OnDelivery : PaymentStatus.AwaitingPayment;
        ShippingFeePerSeller = shippingFeePerSeller;
        PlacedAt = placedAt;
    }

    public long Id { get; private set; }

    /// <summary>The number a shopper quotes, such as <c>MP-20261122-8F3K2Q</c>.</summary>
    public string Number { get; private set; }

    public string ShopperUserId { get; private set; }

    public ShippingAddress Address { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public PaymentStatus PaymentStatus { get; private set; }

    /// <summary>Where a bank transfer is to be paid, set when the payment provider opens the account; null for cash on delivery.</summary>
    public VirtualAccount? VirtualAccount { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>Orders the sellers may see and act on: paid, or paid to the courier on delivery.</summary>
    public static Expression<Func<Order, bool>> ReleasedToSellers =>
        o => o.PaymentStatus == PaymentStatus.Paid || o.PaymentStatus == PaymentStatus.OnDelivery;

    /// <summary>The order is paid, or paid to the courier on delivery: its lines are the sellers' to ship and count as sold.</summary>
    public bool IsReleasedToSellers => Released(this);

    /// <summary>The flat fee per seller of orders placed before shoppers chose a courier; zero since, when each part carries its own.</summary>
    public Rupiah ShippingFeePerSeller { get; private set; }

    /// <summary>The courier service chosen for each seller's part, with the fee quoted at checkout.</summary>
    public IReadOnlyCollection<OrderShipping> Shipping => _shipping.AsReadOnly();

    public DateTimeOffset PlacedAt { get; private set; }

    public IReadOnlyCollection<OrderLine> Lines => _lines.AsReadOnly();

    public int SellerCount => _lines.Select(l => l.SellerId).Distinct().Count();

    public Rupiah Subtotal => Rupiah.Sum(_lines.Select(l => l.LineTotal));

    public Rupiah ShippingTotal => Rupiah.Sum(Parts.Select(p => p.ShippingFee));

    public Rupiah Total => Subtotal + ShippingTotal;

    /// <summary>The order split by seller, in the order the sellers' first lines were added: each seller packs and ships its own part.</summary>
    public IReadOnlyList<OrderPart> Parts =>
        _lines.GroupBy(l => l.SellerId).Select(g =>
        {
            var chosen = _shipping.FirstOrDefault(s => s.SellerId == g.Key);
            return new OrderPart(g.Key, g.ToList(), chosen?.Fee ?? ShippingFeePerSeller, chosen);
        }).ToList();

    /// <summary>Records the service the shopper chose for one seller's part, at the fee it was quoted; once per seller.</summary>
    public void ShipWith(OrderShipping shipping)
    {
        ArgumentNullException.ThrowIfNull(shipping);
        if (_shipping.Any(s => s.SellerId == shipping.SellerId) || _lines.All(l => l.SellerId != shipping.SellerId))
        {
            throw new DomainException("order.shipping_invalid", "Each seller's part is shipped by one service, chosen once.");
        }

        _shipping.Add(shipping);
    }

    /// <param name="variantId">The variant bought, with <paramref name="variantLabel"/> its name; both null for a listing without variants.</param>
    public void AddLine(long listingId, int sellerId, string title, Rupiah unitPrice, int quantity, long? variantId = null, string? variantLabel = null)
    {
        if (quantity <= 0)
        {
            throw new DomainException("order.quantity_invalid", "Quantity must be at least 1.");
        }

        if ((variantId is null) != string.IsNullOrEmpty(variantLabel))
        {
            throw new DomainException("order.variant_unnamed", "A variant line carries the variant's name.");
        }

        _lines.Add(new OrderLine(listingId, sellerId, title, unitPrice, quantity, variantId, variantLabel));
    }

    /// <summary>Records the virtual account the provider opened for this bank transfer order.</summary>
    public void AwaitTransferInto(VirtualAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (PaymentStatus != PaymentStatus.AwaitingPayment || VirtualAccount is not null)
        {
            throw new DomainException("order.payment_not_awaited", "Only an unpaid bank transfer order gets a virtual account, once.");
        }

        VirtualAccount = account;
    }

    /// <summary>
    /// Settles the order from the provider's report that <paramref name="amount"/> arrived in <paramref name="accountNumber"/>
    /// at <paramref name="paidAt"/>, the provider's own time of payment. False when it was already paid (a repeated report
    /// changes nothing); a report that does not match the order, or a payment made after the deadline, is refused.
    /// </summary>
    public bool SettleTransfer(string accountNumber, Rupiah amount, DateTimeOffset paidAt)
    {
        if (VirtualAccount is null || VirtualAccount.Number != accountNumber)
        {
            throw new DomainException("payment.account_mismatch", "The payment was made into another account.");
        }

        if (PaymentStatus == PaymentStatus.Paid)
        {
            return false;
        }

        if (PaymentStatus != PaymentStatus.AwaitingPayment)
        {
            throw new DomainException("payment.order_expired", "The order expired before the payment arrived.");
        }

        EnsureWholeAndOnTime(amount, paidAt);
        PaymentStatus = PaymentStatus.Paid;
        PaidAt = paidAt;
        return true;
    }

    /// <summary>
    /// Takes a payment made before the deadline whose report arrived after the expiry sweep voided the order: on time is
    /// decided by the provider's time of payment, not by when the sweep ran. The lines come back and take their stock again;
    /// refused, with nothing changed, when the payment does not match or was late, or when a line's stock is gone.
    /// </summary>
    public IReadOnlyList<OrderLineEvent> ReopenPaid(string accountNumber, Rupiah amount, DateTimeOffset paidAt, IReadOnlyCollection<Listing> listings, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(listings);
        if (PaymentStatus != PaymentStatus.Expired || VirtualAccount is null || VirtualAccount.Number != accountNumber)
        {
            throw new DomainException("payment.order_not_reopenable", "Only an expired order is reopened, by a payment into its own account.");
        }

        EnsureWholeAndOnTime(amount, paidAt);
        var taken = new List<OrderLine>();
        foreach (var line in _lines)
        {
            if (!listings.Single(x => x.Id == line.ListingId).TryTake(line.Quantity, line.VariantId))
            {
                foreach (var back in taken)
                {
                    listings.Single(x => x.Id == back.ListingId).Restock(back.Quantity, back.VariantId);
                }

                throw new DomainException("payment.stock_gone", "The stock of the expired order was sold since.");
            }

            taken.Add(line);
        }

        PaymentStatus = PaymentStatus.Paid;
        PaidAt = paidAt;
        return _lines.Select(l => l.Reinstate(actor, at)).ToList();
    }

    /// <summary>Voids an order whose deadline passed unpaid: every line is cancelled and its quantity goes back on its listing.</summary>
    public IReadOnlyList<OrderLineEvent> Expire(IReadOnlyCollection<Listing> listings, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(listings);
        if (PaymentStatus != PaymentStatus.AwaitingPayment || VirtualAccount is null || at < VirtualAccount.PayBy)
        {
            throw new DomainException("order.not_expirable", "Only an unpaid order past its deadline expires.");
        }

        PaymentStatus = PaymentStatus.Expired;
        return _lines.Select(l => l.Cancel(listings.Single(x => x.Id == l.ListingId), actor, at)).ToList();
    }

    private void EnsureWholeAndOnTime(Rupiah amount, DateTimeOffset paidAt)
    {
        if (paidAt > VirtualAccount!.PayBy)
        {
            throw new DomainException("payment.late", "The payment was made after the deadline.");
        }

        if (amount != Total)
        {
            throw new DomainException("payment.amount_mismatch", $"Paid {amount}, owed {Total}.");
        }
    }
}

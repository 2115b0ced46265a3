namespace Marketplace.Domain.Orders;

/// <summary>One seller's share of an order: the lines that seller ships, and the one shipping fee it charges.</summary>
/// <param name="Shipping">The courier service the shopper chose for this part; null for orders placed before the choice existed.</param>
public sealed record OrderPart(int SellerId, IReadOnlyList<OrderLine> Lines, Rupiah ShippingFee, OrderShipping? Shipping = null)
{
    public Rupiah Subtotal => Rupiah.Sum(Lines.Select(l => l.LineTotal));

    public Rupiah Total => Subtotal + ShippingFee;

    /// <summary>What the courier collects from the shopper for this part when it is paid on delivery: the goods and the shipping.</summary>
    public Rupiah CashToCollect => Rupiah.Sum(Lines.Where(l => l.Status != OrderLineStatus.Cancelled).Select(l => l.LineTotal)) + ShippingFee;
}

namespace Marketplace.Domain.Orders;

/// <summary>One seller's share of an order: the lines that seller ships, and the one shipping fee it charges.</summary>
public sealed record OrderPart(int SellerId, IReadOnlyList<OrderLine> Lines, Rupiah ShippingFee)
{
    public Rupiah Subtotal => Rupiah.Sum(Lines.Select(l => l.LineTotal));

    public Rupiah Total => Subtotal + ShippingFee;
}

using System.Linq.Expressions;

namespace Marketplace.Domain.Orders;

/// <summary>Where an order stands for the shopper, as the tabs of the order history show it.</summary>
public enum ShopperStage
{
    Unpaid,
    Packing,
    Shipped,
    Completed,
    Cancelled,
}

/// <summary>
/// One definition of each stage, used both as SQL (a tab's filter) and in memory (an order card's badge), so the two cannot
/// disagree. An order is as far as its least advanced part: packing while any part is, shipped while any part travels.
/// </summary>
public static class ShopperStages
{
    private static readonly Dictionary<ShopperStage, Func<Order, bool>> Compiled =
        Enum.GetValues<ShopperStage>().ToDictionary(s => s, s => Of(s).Compile());

    public static Expression<Func<Order, bool>> Of(ShopperStage stage) => stage switch
    {
        ShopperStage.Unpaid => o => o.PaymentStatus == PaymentStatus.AwaitingPayment,
        ShopperStage.Packing => o => (o.PaymentStatus == PaymentStatus.Paid || o.PaymentStatus == PaymentStatus.OnDelivery)
            && o.Lines.Any(l => l.Status == OrderLineStatus.New || l.Status == OrderLineStatus.Packed),
        ShopperStage.Shipped => o => (o.PaymentStatus == PaymentStatus.Paid || o.PaymentStatus == PaymentStatus.OnDelivery)
            && !o.Lines.Any(l => l.Status == OrderLineStatus.New || l.Status == OrderLineStatus.Packed)
            && o.Lines.Any(l => l.Status == OrderLineStatus.Shipped),
        ShopperStage.Completed => o => (o.PaymentStatus == PaymentStatus.Paid || o.PaymentStatus == PaymentStatus.OnDelivery)
            && o.Lines.All(l => l.Status == OrderLineStatus.Delivered || l.Status == OrderLineStatus.Cancelled)
            && o.Lines.Any(l => l.Status == OrderLineStatus.Delivered),
        _ => o => o.PaymentStatus == PaymentStatus.Expired || o.Lines.All(l => l.Status == OrderLineStatus.Cancelled),
    };

    public static ShopperStage StageOf(Order order) => Enum.GetValues<ShopperStage>().First(s => Compiled[s](order));
}

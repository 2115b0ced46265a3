using Marketplace.Domain.Shipping;

namespace Marketplace.Domain.Orders;

/// <summary>
/// The courier service the shopper chose for one seller's part at checkout, as it was quoted then: this fee is the part's
/// shipping fee, whatever the rates say later.
/// </summary>
public sealed record OrderShipping(int SellerId, string ServiceCode, string Courier, string ServiceName, int ChargeableKg, Rupiah Fee, int MinDays, int MaxDays)
{
    public const int CodeMaxLength = 32;

    public static OrderShipping From(int sellerId, CourierQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new OrderShipping(sellerId, quote.Service.Code, quote.Service.Courier, quote.Service.Name, quote.ChargeableKg, quote.Price, quote.MinDays, quote.MaxDays);
    }

    public string DisplayName => $"{Courier} {ServiceName}";
}

using Marketplace.Domain.Shipping;

namespace Marketplace.Web.Features.Shipping;

/// <summary>
/// The one way the site prices a parcel: the product page's estimate, the cart's, the checkout's choices and the re-quote at
/// placement all call <see cref="For"/>, so the price a shopper sees first is the price charged.
/// </summary>
public sealed class ShippingQuotes(ICourierProvider courier)
{
    /// <summary>Every service's quote for these items packed as one parcel from the shop's province, cheapest first.</summary>
    public IReadOnlyList<CourierQuote> For(string? originProvince, string? destinationProvince, IEnumerable<(ParcelSize Size, int Quantity)> items) =>
        courier.Quote(originProvince, destinationProvince, ChargeableWeight.Kilograms(items));
}

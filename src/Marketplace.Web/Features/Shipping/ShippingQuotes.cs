using Marketplace.Domain.Orders;
using Marketplace.Domain.Shipping;

namespace Marketplace.Web.Features.Shipping;

/// <summary>
/// The one way the site prices a parcel: the product page's estimate, the cart's, the checkout's choices and the re-quote at
/// placement all call <see cref="For"/>, so the price a shopper sees first is the price charged.
/// </summary>
public sealed class ShippingQuotes(ICourierProvider courier)
{
    /// <summary>
    /// Where a shop abroad's parcels enter the domestic courier network. A shop abroad names a province of its own country
    /// (a local shop picks one of Indonesia's from a list), so without this its goods could never be quoted nor bought.
    /// </summary>
    public const string CrossBorderHub = "DKI Jakarta";

    /// <summary>Every service's quote for these items packed as one parcel from the shop's province, cheapest first.</summary>
    public IReadOnlyList<CourierQuote> For(string? originProvince, string? destinationProvince, IEnumerable<(ParcelSize Size, int Quantity)> items) =>
        courier.Quote(IndonesianProvinces.Find(originProvince) ?? CrossBorderHub, destinationProvince, ChargeableWeight.Kilograms(items));
}

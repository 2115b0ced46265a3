using Marketplace.Domain.Shipping;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Shipping;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Shipping;

/// <summary>
/// The courier quote a test expects, asked of the site's own <see cref="ShippingQuotes"/> for the shop's province and the
/// listings' stored weights, so a test proves the page and the order charge the one quote, whatever the sample rates say.
/// </summary>
public static class ExpectedShipping
{
    /// <summary>The cheapest service for these listings (id and quantity) of one shop, packed as one parcel, to <paramref name="destination"/>.</summary>
    public static async Task<CourierQuote> CheapestAsync(MarketplaceApp app, string destination, params (long ListingId, int Quantity)[] lines)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(lines);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var ids = lines.Select(l => l.ListingId).ToList();
        var listings = await db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id);
        var sellerId = listings.Values.Select(l => l.SellerId).Distinct().Single();
        var origin = await db.Sellers.Where(s => s.Id == sellerId).Select(s => s.Province).SingleAsync();
        var quotes = scope.ServiceProvider.GetRequiredService<ShippingQuotes>().For(origin, destination, lines.Select(l => (listings[l.ListingId].Parcel, l.Quantity)));
        quotes.Should().NotBeEmpty("the sample rates price every route between two provinces");
        return quotes[0];
    }
}

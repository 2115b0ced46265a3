using System.Reflection;
using System.Security.Cryptography;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Shipping;

/// <summary>What a seller hands the courier to book: the service the shopper chose, the order and the chargeable weight.</summary>
public sealed record CourierBooking(string ServiceCode, string OrderNumber, int ChargeableKg, DateTimeOffset At);

/// <summary>
/// The boundary to a courier aggregator shaped like Indonesia's (RajaOngkir, Biteship, Shipper): it quotes services by route
/// and weight, books a pickup under a resi, and later reports the parcel's progress through signed tracking webhooks
/// (<see cref="TrackingCallbacks"/>).
/// </summary>
public interface ICourierProvider
{
    /// <summary>Every service's quote for a parcel of this many chargeable kilograms, cheapest first; empty for an unknown province.</summary>
    IReadOnlyList<CourierQuote> Quote(string? originProvince, string? destinationProvince, int chargeableKg);

    /// <summary>Books the service and returns the resi the courier tracks the parcel by.</summary>
    Task<string> BookAsync(CourierBooking booking, CancellationToken cancellationToken);
}

/// <summary>
/// The courier inside the app for development and tests. It prices from the sample rate table shipped as
/// <c>SampleRates/*.csv</c> (samples, not any courier's tariff) and keeps its bookings in PostgreSQL
/// (<c>sandbox_courier_parcels</c>), from which <see cref="SandboxTracking"/> sends each parcel's next tracking event.
/// </summary>
public sealed class SandboxCourier(IServiceScopeFactory scopes) : ICourierProvider
{
    private static readonly Lazy<CourierRateTable> Table = new(() => CourierRateTable.Parse(Resource("routes.csv"), Resource("services.csv")));

    public static CourierRateTable SampleRates => Table.Value;

    public IReadOnlyList<CourierQuote> Quote(string? originProvince, string? destinationProvince, int chargeableKg) =>
        Table.Value.Quote(originProvince, destinationProvince, chargeableKg);

    public async Task<string> BookAsync(CourierBooking booking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var prefix = booking.ServiceCode.Split('-')[0] switch
        {
            "JNE" => "JNE",
            "JNT" => "JT",
            "SICEPAT" => "SCP",
            "ANTERAJA" => "AA",
            _ => "POS",
        };
        var resi = prefix + RandomNumberGenerator.GetString("0123456789", 12);

        // The provider's own books, apart from the marketplace's: a separate scope, as a remote service would be.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO sandbox_courier_parcels (tracking_number, service_code, order_number, booked_at, events_sent) VALUES ({resi}, {booking.ServiceCode}, {booking.OrderNumber}, {booking.At}, 0)",
            cancellationToken);
        return resi;
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Marketplace.Web.Shipping." + name)
            ?? throw new InvalidOperationException($"The sample rate file {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>A parcel the sandbox courier booked, and how many of its tracking events it has sent so far.</summary>
public sealed class SandboxParcel
{
    private SandboxParcel()
    {
        TrackingNumber = string.Empty;
        ServiceCode = string.Empty;
        OrderNumber = string.Empty;
    }

    public string TrackingNumber { get; private set; }

    public string ServiceCode { get; private set; }

    public string OrderNumber { get; private set; }

    public DateTimeOffset BookedAt { get; private set; }

    public int EventsSent { get; private set; }
}

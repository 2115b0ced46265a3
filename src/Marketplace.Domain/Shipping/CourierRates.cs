using System.Globalization;
using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Shipping;

/// <summary>
/// A courier's service as the rate table prices it: a share of the route's regular price per kilogram, and days added to
/// (or taken off) the route's delivery time. <see cref="Courier"/> is the courier's name as an order line records it.
/// </summary>
public sealed record CourierService(string Code, string Courier, string Name, int PricePercent, int MinDaysChange, int MaxDaysChange)
{
    public string DisplayName => $"{Courier} {Name}";
}

/// <summary>The regular price per kilogram and delivery days of a route: within one province, or between two zones.</summary>
public sealed record RouteRate(CourierZone From, CourierZone To, bool SameProvince, Rupiah PerKg, int MinDays, int MaxDays);

/// <summary>What one service charges to carry one parcel on one route, and how many days it takes.</summary>
public sealed record CourierQuote(CourierService Service, int ChargeableKg, Rupiah Price, int MinDays, int MaxDays);

/// <summary>
/// Prices a parcel by route and chargeable weight: the route's regular price per kilogram (same province, same zone, or
/// between two zones either way), times the service's share, rounded up to Rp 500, times the chargeable kilograms.
/// </summary>
public sealed class CourierRateTable
{
    private const long RoundTo = 500;

    private readonly Dictionary<(CourierZone, CourierZone, bool), RouteRate> _routes = [];

    public CourierRateTable(IEnumerable<RouteRate> routes, IEnumerable<CourierService> services)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(services);
        foreach (var route in routes)
        {
            if (route.MinDays < 1 || route.MaxDays < route.MinDays || route.PerKg.Amount == 0 || (route.SameProvince && route.From != route.To))
            {
                throw new DomainException("rates.route_invalid", $"The route {route.From}-{route.To} has no sensible price or days.");
            }

            if (!_routes.TryAdd(Key(route.From, route.To, route.SameProvince), route))
            {
                throw new DomainException("rates.route_twice", $"The route {route.From}-{route.To} is priced twice.");
            }
        }

        var zones = Enum.GetValues<CourierZone>();
        var missing = zones.SelectMany(a => zones.Select(b => (a, b, false))).Concat(zones.Select(z => (z, z, true)))
            .Where(k => !_routes.ContainsKey(Key(k.Item1, k.Item2, k.Item3)))
            .Select(k => $"{k.Item1}-{k.Item2}{(k.Item3 ? " (province)" : string.Empty)}")
            .ToList();
        if (missing.Count > 0)
        {
            throw new DomainException("rates.route_missing", "No price for " + string.Join(", ", missing));
        }

        Services = services.ToList();
        if (Services.Count == 0 || Services.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count() != Services.Count || Services.Any(s => s.PricePercent <= 0))
        {
            throw new DomainException("rates.services_invalid", "Each service appears once with a positive share of the price.");
        }
    }

    public IReadOnlyList<CourierService> Services { get; }

    /// <summary>Every service's quote for the parcel, cheapest first; empty when either place is not a province.</summary>
    public IReadOnlyList<CourierQuote> Quote(string? originProvince, string? destinationProvince, int chargeableKg)
    {
        if (chargeableKg < 1)
        {
            throw new DomainException("rates.weight_invalid", "A parcel weighs at least one chargeable kilogram.");
        }

        var from = IndonesianProvinces.Find(originProvince);
        var to = IndonesianProvinces.Find(destinationProvince);
        if (from is null || to is null)
        {
            return [];
        }

        var route = _routes[Key(ShippingZones.Of(from)!.Value, ShippingZones.Of(to)!.Value, from == to)];
        return Services
            .Select(service =>
            {
                var perKg = (route.PerKg.Amount * service.PricePercent + (100 * RoundTo) - 1) / (100 * RoundTo) * RoundTo;
                var minDays = Math.Max(1, route.MinDays + service.MinDaysChange);
                var maxDays = Math.Max(minDays, route.MaxDays + service.MaxDaysChange);
                return new CourierQuote(service, chargeableKg, new Rupiah(perKg * chargeableKg), minDays, maxDays);
            })
            .OrderBy(q => q.Price).ThenBy(q => q.MaxDays).ThenBy(q => q.Service.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Reads a table from two CSV texts with a header row each: routes (<c>from,to,scope,per_kg,min_days,max_days</c>, scope
    /// <c>province</c> for a parcel within one province, <c>zone</c> otherwise; a pair of zones prices both directions) and services
    /// (<c>code,courier,name,price_percent,min_days_change,max_days_change</c>).
    /// </summary>
    public static CourierRateTable Parse(string routesCsv, string servicesCsv)
    {
        var routes = new List<RouteRate>();
        foreach (var cells in Rows(routesCsv, 6))
        {
            var from = Enum.Parse<CourierZone>(cells[0], ignoreCase: true);
            var to = Enum.Parse<CourierZone>(cells[1], ignoreCase: true);
            var sameProvince = cells[2] switch
            {
                "province" => true,
                "zone" => false,
                _ => throw new DomainException("rates.scope_invalid", $"'{cells[2]}' is neither 'province' nor 'zone'."),
            };
            var rate = new RouteRate(from, to, sameProvince, new Rupiah(Number(cells[3])), (int)Number(cells[4]), (int)Number(cells[5]));
            routes.Add(rate);
            if (from != to)
            {
                routes.Add(rate with { From = to, To = from });
            }
        }

        var services = Rows(servicesCsv, 6)
            .Select(c => new CourierService(c[0], c[1], c[2], (int)Number(c[3]), (int)Number(c[4]), (int)Number(c[5])))
            .ToList();
        return new CourierRateTable(routes, services);
    }

    private static (CourierZone, CourierZone, bool) Key(CourierZone from, CourierZone to, bool sameProvince) => (from, to, sameProvince);

    private static IEnumerable<string[]> Rows(string csv, int columns) =>
        (csv ?? string.Empty).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Skip(1)
            .Select(line => line.Split(',').Select(c => c.Trim()).ToArray())
            .Select(cells => cells.Length == columns ? cells : throw new DomainException("rates.row_invalid", $"Expected {columns} columns: {string.Join(',', cells)}"));

    private static long Number(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainException("rates.number_invalid", $"'{text}' is not a whole number.");
}

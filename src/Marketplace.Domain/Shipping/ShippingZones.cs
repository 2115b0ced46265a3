using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Shipping;

/// <summary>The island groups a courier's rate table is drawn on: a route is priced by the zones it joins.</summary>
public enum CourierZone
{
    Sumatera,
    Jawa,
    BaliNusaTenggara,
    Kalimantan,
    Sulawesi,
    Maluku,
    Papua,
}

public static class ShippingZones
{
    private static readonly Dictionary<string, CourierZone> ZoneOf = new(StringComparer.Ordinal)
    {
        ["Aceh"] = CourierZone.Sumatera,
        ["Sumatera Utara"] = CourierZone.Sumatera,
        ["Sumatera Barat"] = CourierZone.Sumatera,
        ["Riau"] = CourierZone.Sumatera,
        ["Kepulauan Riau"] = CourierZone.Sumatera,
        ["Jambi"] = CourierZone.Sumatera,
        ["Bengkulu"] = CourierZone.Sumatera,
        ["Sumatera Selatan"] = CourierZone.Sumatera,
        ["Kepulauan Bangka Belitung"] = CourierZone.Sumatera,
        ["Lampung"] = CourierZone.Sumatera,
        ["Banten"] = CourierZone.Jawa,
        ["DKI Jakarta"] = CourierZone.Jawa,
        ["Jawa Barat"] = CourierZone.Jawa,
        ["Jawa Tengah"] = CourierZone.Jawa,
        ["DI Yogyakarta"] = CourierZone.Jawa,
        ["Jawa Timur"] = CourierZone.Jawa,
        ["Bali"] = CourierZone.BaliNusaTenggara,
        ["Nusa Tenggara Barat"] = CourierZone.BaliNusaTenggara,
        ["Nusa Tenggara Timur"] = CourierZone.BaliNusaTenggara,
        ["Kalimantan Barat"] = CourierZone.Kalimantan,
        ["Kalimantan Tengah"] = CourierZone.Kalimantan,
        ["Kalimantan Selatan"] = CourierZone.Kalimantan,
        ["Kalimantan Timur"] = CourierZone.Kalimantan,
        ["Kalimantan Utara"] = CourierZone.Kalimantan,
        ["Sulawesi Utara"] = CourierZone.Sulawesi,
        ["Gorontalo"] = CourierZone.Sulawesi,
        ["Sulawesi Tengah"] = CourierZone.Sulawesi,
        ["Sulawesi Barat"] = CourierZone.Sulawesi,
        ["Sulawesi Selatan"] = CourierZone.Sulawesi,
        ["Sulawesi Tenggara"] = CourierZone.Sulawesi,
        ["Maluku"] = CourierZone.Maluku,
        ["Maluku Utara"] = CourierZone.Maluku,
        ["Papua"] = CourierZone.Papua,
        ["Papua Barat"] = CourierZone.Papua,
        ["Papua Barat Daya"] = CourierZone.Papua,
        ["Papua Tengah"] = CourierZone.Papua,
        ["Papua Pegunungan"] = CourierZone.Papua,
        ["Papua Selatan"] = CourierZone.Papua,
    };

    /// <summary>The zone of a province as <see cref="IndonesianProvinces.Find"/> names it; null when it is not a province.</summary>
    public static CourierZone? Of(string? province) =>
        IndonesianProvinces.Find(province) is { } known ? ZoneOf[known] : null;
}

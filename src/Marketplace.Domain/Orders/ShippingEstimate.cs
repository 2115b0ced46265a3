namespace Marketplace.Domain.Orders;

/// <summary>How far a parcel travels: within a province, within one island group, or across the sea to another.</summary>
public enum ShippingZone
{
    SameProvince,
    SameIsland,
    OtherIsland,
}

/// <summary>What sending one parcel is expected to cost and how many days it takes.</summary>
public sealed record ShippingQuote(ShippingZone Zone, Rupiah Price, int MinDays, int MaxDays);

/// <summary>
/// A shopper's estimate of shipping from the shop's province to theirs, by distance class, as couriers' regular services
/// price it: the same province, the same island group, or another island group.
/// </summary>
public static class ShippingEstimate
{
    private static readonly Dictionary<ShippingZone, ShippingQuote> Table = new()
    {
        [ShippingZone.SameProvince] = new(ShippingZone.SameProvince, new Rupiah(10_000), 1, 2),
        [ShippingZone.SameIsland] = new(ShippingZone.SameIsland, new Rupiah(18_000), 2, 4),
        [ShippingZone.OtherIsland] = new(ShippingZone.OtherIsland, new Rupiah(35_000), 4, 7),
    };

    private static readonly Dictionary<string, string> IslandOf = new(StringComparer.Ordinal)
    {
        ["Aceh"] = "Sumatera",
        ["Sumatera Utara"] = "Sumatera",
        ["Sumatera Barat"] = "Sumatera",
        ["Riau"] = "Sumatera",
        ["Kepulauan Riau"] = "Sumatera",
        ["Jambi"] = "Sumatera",
        ["Bengkulu"] = "Sumatera",
        ["Sumatera Selatan"] = "Sumatera",
        ["Kepulauan Bangka Belitung"] = "Sumatera",
        ["Lampung"] = "Sumatera",
        ["Banten"] = "Jawa",
        ["DKI Jakarta"] = "Jawa",
        ["Jawa Barat"] = "Jawa",
        ["Jawa Tengah"] = "Jawa",
        ["DI Yogyakarta"] = "Jawa",
        ["Jawa Timur"] = "Jawa",
        ["Bali"] = "Nusa Tenggara",
        ["Nusa Tenggara Barat"] = "Nusa Tenggara",
        ["Nusa Tenggara Timur"] = "Nusa Tenggara",
        ["Kalimantan Barat"] = "Kalimantan",
        ["Kalimantan Tengah"] = "Kalimantan",
        ["Kalimantan Selatan"] = "Kalimantan",
        ["Kalimantan Timur"] = "Kalimantan",
        ["Kalimantan Utara"] = "Kalimantan",
        ["Sulawesi Utara"] = "Sulawesi",
        ["Gorontalo"] = "Sulawesi",
        ["Sulawesi Tengah"] = "Sulawesi",
        ["Sulawesi Barat"] = "Sulawesi",
        ["Sulawesi Selatan"] = "Sulawesi",
        ["Sulawesi Tenggara"] = "Sulawesi",
        ["Maluku"] = "Maluku",
        ["Maluku Utara"] = "Maluku",
        ["Papua"] = "Papua",
        ["Papua Barat"] = "Papua",
        ["Papua Barat Daya"] = "Papua",
        ["Papua Tengah"] = "Papua",
        ["Papua Pegunungan"] = "Papua",
        ["Papua Selatan"] = "Papua",
    };

    /// <summary>The quote from <paramref name="origin"/> to <paramref name="destination"/>; null when either is not a province.</summary>
    public static ShippingQuote? Quote(string? origin, string? destination)
    {
        var from = IndonesianProvinces.Find(origin);
        var to = IndonesianProvinces.Find(destination);
        if (from is null || to is null)
        {
            return null;
        }

        var zone = from == to ? ShippingZone.SameProvince
            : IslandOf[from] == IslandOf[to] ? ShippingZone.SameIsland
            : ShippingZone.OtherIsland;
        return Table[zone];
    }
}

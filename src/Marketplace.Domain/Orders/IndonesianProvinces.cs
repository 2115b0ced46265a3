namespace Marketplace.Domain.Orders;

/// <summary>The 38 provinces of Indonesia (since the 2022 division of Papua), named as shoppers write them.</summary>
public static class IndonesianProvinces
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Bengkulu", "Sumatera Selatan",
        "Kepulauan Bangka Belitung", "Lampung", "Banten", "DKI Jakarta", "Jawa Barat", "Jawa Tengah", "DI Yogyakarta",
        "Jawa Timur", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah",
        "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara", "Gorontalo", "Sulawesi Tengah",
        "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku", "Maluku Utara", "Papua", "Papua Barat",
        "Papua Barat Daya", "Papua Tengah", "Papua Pegunungan", "Papua Selatan",
    ];

    /// <summary>The province's name as listed, whatever the case and spacing typed; null when it is not a province.</summary>
    public static string? Find(string? name)
    {
        var typed = string.Join(' ', (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return All.FirstOrDefault(p => string.Equals(p, typed, StringComparison.OrdinalIgnoreCase));
    }
}

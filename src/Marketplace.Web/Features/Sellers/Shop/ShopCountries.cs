using Marketplace.Domain.Sellers;

namespace Marketplace.Web.Features.Sellers.Shop;

/// <summary>The countries a shop picks from, Indonesia first; each has its name in the resources as <c>Shop.Country.XX</c>.</summary>
public static class ShopCountries
{
    public static IReadOnlyList<string> Codes { get; } =
        [CountryCode.Indonesia, "MY", "SG", "TH", "VN", "PH", "CN", "HK", "TW", "JP", "KR", "IN", "AU", "US", "GB", "DE"];

    /// <summary>The list, with a shop's own country added when an older shop has one the list does not hold.</summary>
    public static IReadOnlyList<string> With(string? current) =>
        string.IsNullOrWhiteSpace(current) || Codes.Contains(current, StringComparer.OrdinalIgnoreCase) ? Codes : [.. Codes, current.ToUpperInvariant()];
}

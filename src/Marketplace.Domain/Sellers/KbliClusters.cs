using Marketplace.Domain.Catalog;

namespace Marketplace.Domain.Sellers;

/// <summary>
/// Which of the catalogue's closed clusters a KBLI code (Klasifikasi Baku Lapangan Usaha Indonesia, 5 digits) covers:
/// makers by their two-digit division, traders by their retail or wholesale group. The longest listed prefix wins, so
/// "47" (retail of any goods) covers every cluster while "472" (retail of food) covers food only.
/// </summary>
public static class KbliClusters
{
    private static readonly string[] All = [ClusterCodes.Textile, ClusterCodes.FoodBeverage, ClusterCodes.Handicraft];
    private static readonly string[] Textile = [ClusterCodes.Textile];
    private static readonly string[] Food = [ClusterCodes.FoodBeverage];
    private static readonly string[] Craft = [ClusterCodes.Handicraft];

    private static readonly (string Prefix, string[] Clusters)[] Map =
    [
        ("10", Food), // food products
        ("11", Food), // beverages
        ("13", Textile), // textiles, batik
        ("14", Textile), // apparel
        ("15", Textile), // leather goods and footwear
        ("16", Craft), // wood, bamboo and rattan goods
        ("23", Craft), // ceramics, pottery, glass
        ("32", Craft), // jewellery, musical instruments, other crafts
        ("463", Food), // wholesale of food and beverages
        ("4641", Textile), // wholesale of textiles and clothing
        ("47", All), // retail of any goods
        ("472", Food), // retail of food, beverages and tobacco in shops
        ("473", []), // retail of fuel
        ("474", []), // retail of ICT equipment
        ("4751", Textile), // retail of textiles
        ("4752", []), // retail of hardware
        ("4759", Craft), // retail of household goods and furnishings
        ("476", []), // retail of books, music and sports goods
        ("4771", Textile), // retail of clothing and footwear
        ("4772", []), // retail of medicines and cosmetics
        ("4773", Craft), // retail of other new goods, crafts and paintings
        ("4781", Food), // market stalls: food
        ("4782", Textile), // market stalls: textiles and clothing
        ("47911", Food), // retail through media (online): food and beverages
        ("47912", Textile), // retail through media: textiles, clothing, footwear
        ("47913", Craft), // retail through media: household goods
        ("47914", []), // retail through media: fuel and chemicals
    ];

    /// <summary>The closed clusters whose goods a KBLI code allows; empty for a code outside them.</summary>
    public static IReadOnlyList<string> ClustersOf(string kbli)
    {
        var code = (kbli ?? string.Empty).Trim();
        var best = Map.Where(m => code.StartsWith(m.Prefix, StringComparison.Ordinal)).OrderByDescending(m => m.Prefix.Length).FirstOrDefault();
        return best.Clusters ?? [];
    }

    /// <summary>Whether one of a business's KBLI codes covers goods of the cluster; a cluster the map does not know is covered.</summary>
    public static bool Covers(IEnumerable<string> kbli, string clusterCode) =>
        !All.Contains(clusterCode, StringComparer.Ordinal) || kbli.Any(k => ClustersOf(k).Contains(clusterCode, StringComparer.Ordinal));
}

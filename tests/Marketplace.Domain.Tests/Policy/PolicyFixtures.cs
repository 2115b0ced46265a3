using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;

namespace Marketplace.Domain.Tests.Policy;

/// <summary>Clusters, a small lexicon and a policy to decide against; every rule is switched on explicitly by the test.</summary>
internal static class PolicyFixtures
{
    public const int Version = 42;

    public static readonly DateTimeOffset Instant = new(2026, 5, 20, 10, 0, 0, TimeSpan.FromHours(7));

    public static readonly ClusterRef Textile = new(1, "TEXTILE", "Tekstil & Fesyen", "Textiles & Fashion");
    public static readonly ClusterRef Food = new(2, "FOOD", "Makanan & Minuman", "Food & Beverage");
    public static readonly ClusterRef Craft = new(3, "CRAFT", "Kerajinan", "Handicrafts");
    public static readonly ClusterRef Electronics = new(4, "ELECTRONICS", "Elektronik", "Electronics");

    public static readonly ClusterLexicon TextileWords = new(Textile, ["batik", "kebaya", "sarung", "songket", "kain tenun", "fabric", "sarong"]);
    public static readonly ClusterLexicon FoodWords = new(Food, ["kopi", "coffee", "keripik", "chips", "sambal", "teh"]);
    public static readonly ClusterLexicon CraftWords = new(Craft, ["anyaman", "rattan", "ukiran", "gerabah", "pottery"]);

    public static readonly IReadOnlyList<ClusterLexicon> Lexicons = [TextileWords, FoodWords, CraftWords];

    public static PolicyInForce Policy(IReadOnlyList<ClusterBlockWindow>? blocks = null, CrossBorderMinimumPrice? minimum = null) =>
        new(Version, blocks ?? [], Lexicons, minimum ?? CrossBorderMinimumPrice.Off);

    public static ClusterBlockWindow BlockedSince(ClusterRef cluster, DateTimeOffset start, DateTimeOffset? lifted = null) =>
        new(cluster.Id, start, lifted);

    public static ClusterBlockWindow BlockedNow(ClusterRef cluster) => BlockedSince(cluster, Instant.AddDays(-10));

    public static PolicySubject Subject(
        ClusterRef cluster,
        string title = "Kabel data USB-C 1 meter",
        string description = "Barang baru, siap kirim.",
        long price = 2_000_000,
        SellerOrigin seller = SellerOrigin.CrossBorder,
        ProductOrigin product = ProductOrigin.Imported,
        SellerStatus status = SellerStatus.Active,
        IReadOnlyList<int>? hsChapters = null,
        bool cleared = false) =>
        new(title, description, new Rupiah(price), product, seller, status, cluster, hsChapters ?? [], cleared);
}

namespace Marketplace.Web.Features.Storefront;

/// <summary>
/// Indonesian words and their English counterparts, both ways: a shopper who types "shoes" finds "Sepatu Kulit" and one
/// who types "kopi" finds "Arabica Coffee Beans". Words are in <see cref="SearchText.Words"/>'s form.
/// </summary>
public static class SearchSynonyms
{
    private static readonly (string Indonesian, string English)[] Pairs =
    [
        ("sepatu", "shoes"), ("sepatu", "shoe"), ("sandal", "sandals"), ("tas", "bag"), ("tas", "bags"), ("dompet", "wallet"),
        ("kopi", "coffee"), ("teh", "tea"), ("baju", "shirt"), ("kemeja", "shirt"), ("kaos", "tshirt"), ("celana", "pants"),
        ("rok", "skirt"), ("jaket", "jacket"), ("topi", "hat"), ("kain", "fabric"), ("kain", "cloth"), ("madu", "honey"),
        ("gula", "sugar"), ("cokelat", "chocolate"), ("rempah", "spices"), ("keripik", "chips"), ("kue", "cake"),
        ("kerajinan", "handicraft"), ("anyaman", "woven"), ("kayu", "wood"), ("kulit", "leather"), ("perak", "silver"),
        ("gelang", "bracelet"), ("kalung", "necklace"), ("cincin", "ring"), ("anting", "earrings"), ("mainan", "toy"),
        ("mainan", "toys"), ("ponsel", "phone"), ("kabel", "cable"), ("lampu", "lamp"), ("kursi", "chair"), ("meja", "table"),
    ];

    private static readonly ILookup<string, string> Both = Pairs
        .SelectMany(p => new[] { (From: p.Indonesian, To: p.English), (From: p.English, To: p.Indonesian) })
        .Distinct()
        .ToLookup(p => p.From, p => p.To, StringComparer.Ordinal);

    /// <summary>The word's counterparts in the other language; empty for a word the list does not hold.</summary>
    public static IReadOnlyList<string> Of(string word) => Both[word].ToList();
}

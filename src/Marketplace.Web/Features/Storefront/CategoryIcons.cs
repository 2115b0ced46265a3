namespace Marketplace.Web.Features.Storefront;

/// <summary>A drawing for each top branch of the catalog on the home page's tiles; branches added later get a shopping bag.</summary>
public static class CategoryIcons
{
    private static readonly HashSet<string> Drawn = new(StringComparer.Ordinal)
    {
        "fesyen-tekstil", "makanan-minuman", "kerajinan", "elektronik", "otomotif", "kesehatan-kecantikan", "rumah-tangga", "mainan-hobi",
    };

    public static string For(string slug) => $"/img/categories/{(Drawn.Contains(slug) ? slug : "lainnya")}.svg";
}

using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;

namespace Marketplace.Web.Data.Seed;

public sealed record ClusterSeed(string Code, string NameId, string NameEn, bool BlockedForCrossBorder);

/// <summary>A category of the reference tree. A leaf names its cluster; a branch has none.</summary>
/// <param name="Slug">Unique code of the category, such as <c>batik-tulis</c>.</param>
/// <param name="NameId">Indonesian name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="ParentSlug">Slug of the parent branch; null at the top of the tree.</param>
/// <param name="ClusterCode">Cluster of a leaf; null for a branch.</param>
/// <param name="HsChapters">Harmonized System chapters of the goods in a leaf.</param>
/// <param name="ProductNouns">Words the generator builds listing titles from, in Indonesian, such as "Kemeja Batik".</param>
/// <param name="MinPrice">Lowest realistic price in whole rupiah.</param>
/// <param name="MaxPrice">Highest realistic price in whole rupiah.</param>
public sealed record CategorySeed(
    string Slug,
    string NameId,
    string NameEn,
    string? ParentSlug,
    string? ClusterCode,
    IReadOnlyList<int> HsChapters,
    IReadOnlyList<string> ProductNouns,
    long MinPrice,
    long MaxPrice);

public sealed record LexiconSeed(string ClusterCode, IReadOnlyList<string> Terms);

public sealed record SellerSeed(
    string StoreName,
    string Slug,
    SellerOrigin Origin,
    string CountryCode,
    string Province,
    string City,
    string? Nib);

public sealed record ListingSeed(
    string SellerSlug,
    string CategorySlug,
    string Sku,
    string Title,
    string Description,
    long Price,
    int Stock,
    ProductOrigin Origin,
    decimal? TkdnPercent);

public sealed record DemoData(IReadOnlyList<SellerSeed> Sellers, IReadOnlyList<ListingSeed> Listings);

using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;

namespace Marketplace.Web.Data.Seed;

public sealed record ClusterSeed(string Code, string NameId, string NameEn, bool BlockedForCrossBorder);

/// <summary>A category of the demo tree. A leaf names its cluster; a branch has none.</summary>
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

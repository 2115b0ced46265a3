using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;

namespace Marketplace.Domain.Policy;

/// <summary>The facts about one listing that the policy reads.</summary>
public sealed record PolicySubject(
    string Title,
    string Description,
    Rupiah Price,
    ProductOrigin ProductOrigin,
    SellerOrigin SellerOrigin,
    SellerStatus SellerStatus,
    ClusterRef Cluster,
    IReadOnlyList<int> HsChapters,
    bool MisclassificationCleared)
{
    /// <summary>
    /// The shop says it is local but no admin has verified its evidence yet: its local products in closed clusters wait
    /// for review instead of going live on the seller's word.
    /// </summary>
    public bool LocalOriginUnverified { get; init; }

    /// <summary>The variants' names and values as the product page shows them, one variant a line.</summary>
    public string VariantText { get; init; } = string.Empty;

    /// <summary>The shop's name, which every product page and card shows beside the listing.</summary>
    public string StoreName { get; init; } = string.Empty;

    /// <summary>
    /// Everything the seller wrote that a shopper reads with this listing: title, description, variants, and the name of a
    /// shop abroad. A local shop's name is its own (a verified batik shop may import a phone case) and is not screened.
    /// </summary>
    public string ScreenedText => Title + "\n" + TextBesideTitle;

    /// <summary>What <see cref="ScreenedText"/> holds besides the title.</summary>
    public string TextBesideTitle => PlacedListings.IsShopAbroad(SellerOrigin)
        ? string.Join('\n', Description, VariantText, StoreName)
        : string.Join('\n', Description, VariantText);

    /// <summary>
    /// A photo re-used from a listing refused or taken down for a closed cluster, found by its perceptual hash when the
    /// listing is published or edited; null when none is near-identical.
    /// </summary>
    public MatchedPhoto? MatchedPhoto { get; init; }

    /// <summary>Sold by a trader abroad, or an imported product whoever sells it.</summary>
    public bool IsCrossBorder => PlacedListings.IsCrossBorder(SellerOrigin, ProductOrigin);

    /// <summary>What a closure of its cluster acts on: cross-border, or a local claim no admin has verified yet.</summary>
    public bool ClosureApplies => PlacedListings.ClosureAppliesTo(SellerOrigin, ProductOrigin, LocalOriginUnverified);
}

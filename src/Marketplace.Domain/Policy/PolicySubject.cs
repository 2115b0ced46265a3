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

    /// <summary>What the text model reads the listing as, when a model has been trained; the keyword lexicons act either way.</summary>
    public TextClassification? Predicted { get; init; }

    /// <summary>Sold by a trader abroad, or an imported product whoever sells it.</summary>
    public bool IsCrossBorder => SellerOrigin == SellerOrigin.CrossBorder || ProductOrigin == ProductOrigin.Imported;
}

namespace Marketplace.Domain.Sellers;

public enum SellerOrigin
{
    /// <summary>An Indonesian business (UMKM); never blocked by the import rules for its local products.</summary>
    Local = 0,

    /// <summary>A trader based abroad; every listing it makes is cross-border.</summary>
    CrossBorder = 1,
}

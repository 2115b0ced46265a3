namespace Marketplace.Domain.Listings;

public enum ProductOrigin
{
    /// <summary>Made in Indonesia.</summary>
    Local = 0,

    /// <summary>Imported; a listing of an imported product is cross-border even when its seller is local.</summary>
    Imported = 1,
}

namespace Marketplace.Web.Features.Storefront;

/// <summary>What a shopper sees of a seller: where the shop is, and whether it sells from abroad.</summary>
public sealed record SellerCard(int Id, string StoreName, string Slug, string City, string Province, bool IsCrossBorder, string CountryCode);

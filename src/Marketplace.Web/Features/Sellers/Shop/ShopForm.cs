using System.ComponentModel.DataAnnotations;
using Marketplace.Domain.Sellers;

namespace Marketplace.Web.Features.Sellers.Shop;

/// <summary>What a seller types to open or change a shop; the domain checks the rest.</summary>
public sealed class ShopForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(80, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Seller.Shop.StoreName")]
    public string StoreName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(80, MinimumLength = 2, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Seller.Shop.Slug")]
    public string Slug { get; set; } = string.Empty;

    [Display(Name = "Seller.Shop.Origin")]
    public SellerOrigin Origin { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Seller.Shop.Country")]
    public string CountryCode { get; set; } = CountryCodeIndonesia;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Seller.Shop.Province")]
    public string Province { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Seller.Shop.City")]
    public string City { get; set; } = string.Empty;

    [Display(Name = "Seller.Shop.Nib")]
    public string? Nib { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Seller.Shop.ContactEmail")]
    public string ContactEmail { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Seller.Shop.ContactPhone")]
    public string ContactPhone { get; set; } = string.Empty;

    /// <summary>Where the courier picks parcels up; printed on labels as the sender's address.</summary>
    [StringLength(300, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Seller.Shop.PickupStreet")]
    public string? PickupStreet { get; set; }

    [RegularExpression(@"^[0-9]{5}$", ErrorMessage = "Checkout.PostalCodeInvalid")]
    [Display(Name = "Seller.Shop.PickupPostalCode")]
    public string? PickupPostalCode { get; set; }

    private const string CountryCodeIndonesia = Domain.Sellers.CountryCode.Indonesia;

    public static ShopForm From(Seller seller)
    {
        ArgumentNullException.ThrowIfNull(seller);
        return new ShopForm
        {
            StoreName = seller.StoreName,
            Slug = seller.Slug,
            Origin = seller.Origin,
            CountryCode = seller.CountryCode,
            Province = seller.Province,
            City = seller.City,
            Nib = seller.Nib,
            ContactEmail = seller.ContactEmail ?? string.Empty,
            ContactPhone = seller.ContactPhone ?? string.Empty,
            PickupStreet = seller.PickupStreet,
            PickupPostalCode = seller.PickupPostalCode,
        };
    }
}

using System.ComponentModel.DataAnnotations;
using Marketplace.Domain.Orders;

namespace Marketplace.Web.Pages.Checkout;

/// <summary>What the shopper types at checkout; kept and shown again when the order cannot be placed.</summary>
public sealed class CheckoutInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Checkout.RecipientName")]
    public string RecipientName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [RegularExpression(@"^\+?[0-9][0-9 \-]{6,18}$", ErrorMessage = "Checkout.PhoneInvalid")]
    [Display(Name = "Checkout.Phone")]
    public string Phone { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(300, MinimumLength = 5, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Checkout.Street")]
    public string Street { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Checkout.City")]
    public string City { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Checkout.Province")]
    public string Province { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [RegularExpression(@"^[0-9]{5}$", ErrorMessage = "Checkout.PostalCodeInvalid")]
    [Display(Name = "Checkout.PostalCode")]
    public string PostalCode { get; set; } = string.Empty;

    [Display(Name = "Checkout.PaymentMethod")]
    public PaymentMethod PaymentMethod { get; set; } = PaymentMethod.BankTransfer;

    /// <summary>The lines the summary showed when the shopper pressed the button; not typed.</summary>
    public string Expected { get; set; } = string.Empty;

    /// <summary>The courier service chosen for each seller's part, by seller id; only the code is taken, never a fee.</summary>
    public Dictionary<int, string> Services { get; set; } = [];

    /// <summary>The services and fees the summary showed when the shopper pressed the button; not typed.</summary>
    public string ShippingExpected { get; set; } = string.Empty;

    /// <summary>Keep this address as the default in the shopper's address book.</summary>
    [Display(Name = "Checkout.SaveAddress")]
    public bool SaveAddress { get; set; }
}

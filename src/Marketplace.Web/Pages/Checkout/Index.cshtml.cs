using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Marketplace.Web.Features.Orders;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Checkout;

[Authorize]
public sealed class IndexModel(CheckoutService checkout, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public CheckoutInput Input { get; set; } = new();

    public CheckoutSummary Summary { get; private set; } = new([], [], false);

    /// <summary>Set when the shopper came through "Beli Sekarang": only that listing is bought.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Only { get; set; }

    /// <summary>With <see cref="Only"/>: the variant bought now, when the listing has variants.</summary>
    [BindProperty(SupportsGet = true)]
    public long? OnlyVariant { get; set; }

    /// <summary>The shopper has a default address already: saving this one again is offered unticked.</summary>
    public bool HasSavedAddress { get; private set; }

    private CartLineKey? OnlyLine => Only is { } id ? new CartLineKey(id, OnlyVariant) : null;

    public async Task<IActionResult> OnGetAsync(string? province, CancellationToken cancellationToken)
    {
        var start = await checkout.StartAsync(HttpContext, OnlyLine, province, cancellationToken);
        Summary = start.Summary;
        Input.SaveAddress = start.SavedAddress is null;
        if (start.SavedAddress is { } saved)
        {
            HasSavedAddress = true;
            (Input.RecipientName, Input.Phone, Input.Street, Input.City, Input.PostalCode) = (saved.RecipientName, saved.Phone, saved.Street, saved.City, saved.PostalCode);
        }

        Input.Province = Summary.ShipTo ?? string.Empty;
        return Summary.Parts.Count == 0 ? RedirectToPage("/Cart") : Page();
    }

    /// <summary>"Hitung ongkir": the quotes for the province now chosen, the rest of the form kept as typed.</summary>
    public async Task<IActionResult> OnPostQuoteAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Summary = await checkout.SummarizeAsync(HttpContext, OnlyLine, Input.Province, Input.Services, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var address = ModelState.IsValid ? Address() : null;
        if (address is not null)
        {
            var courier = new CourierChoice(Input.Services, Input.ShippingExpected ?? string.Empty);
            var result = await checkout.PlaceAsync(
                CartService.ShopperId(User)!, address, Input.PaymentMethod, Input.Expected ?? string.Empty, courier, OnlyLine, Input.SaveAddress, cancellationToken);
            if (result.Succeeded)
            {
                return RedirectToPage("/Checkout/Confirmation", new { number = result.OrderNumber });
            }

            foreach (var message in Explain(result))
            {
                ModelState.AddModelError(string.Empty, message);
            }
        }

        Summary = await checkout.SummarizeAsync(HttpContext, OnlyLine, Input.Province, Input.Services, cancellationToken);
        return Page();
    }

    /// <summary>The refusal in the shopper's language: one message per refused line, naming it and why.</summary>
    private IEnumerable<string> Explain(PlaceOrderResult result) => result.Failure switch
    {
        PlaceOrderFailure.ItemsRefused => result.Lines.Select(line => text[$"Checkout.Refused.{line.Reason}", line.Title, line.Reason switch
        {
            RefusalReason.NotEnoughStock => line.Stock,
            RefusalReason.PriceChanged => line.Price!.Value.ToString(),
            RefusalReason.ClosedToCrossBorder => line.Cluster!.Name(Languages.IsIndonesian),
            _ => string.Empty,
        }].Value),
        PlaceOrderFailure.NothingAvailable => [text["Checkout.Error.NothingAvailable"]],
        PlaceOrderFailure.CartChanged => [text["Checkout.Error.CartChanged"]],
        PlaceOrderFailure.ChooseCourier => [text["Checkout.Error.ChooseCourier"]],
        PlaceOrderFailure.ShippingChanged => [text["Checkout.Error.ShippingChanged", Input.Province]],
        _ => [text["Checkout.Error.EmptyCart"]],
    };

    /// <summary>The address through the domain's own rules; a refusal becomes a message on the field it concerns.</summary>
    private ShippingAddress? Address()
    {
        try
        {
            return ShippingAddress.Create(Input.RecipientName, Input.Phone, Input.Street, Input.City, Input.Province, Input.PostalCode);
        }
        catch (DomainException refused)
        {
            var (field, message) = refused.Code switch
            {
                "address.province_invalid" => (nameof(Input.Province), text["Checkout.ProvinceInvalid"]),
                "address.postal_code_invalid" => (nameof(Input.PostalCode), text["Checkout.PostalCodeInvalid"]),
                _ => (string.Empty, text["Checkout.AddressInvalid"]),
            };
            ModelState.AddModelError(field.Length == 0 ? string.Empty : $"{nameof(Input)}.{field}", message);
            return null;
        }
    }
}

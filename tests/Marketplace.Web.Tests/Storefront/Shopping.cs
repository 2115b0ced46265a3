using System.Globalization;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Storefront;

public sealed record CartLineSeen(long ListingId, string State, int? Quantity, bool LinksToProduct);

/// <summary>What a shopper does with the cart and checkout, through the site's own forms.</summary>
public static class Shopping
{
    /// <summary>Checkout opened for <see cref="Address"/>'s province, so each seller's cheapest courier is chosen.</summary>
    public const string CheckoutUrl = "/Checkout?province=DI%20Yogyakarta";

    public static Dictionary<string, string> Address(string postalCode = "55271") => new()
    {
        ["Input.RecipientName"] = "Siti Rahayu",
        ["Input.Phone"] = "0812-3456-7890",
        ["Input.Street"] = "Jl. Malioboro 12, RT 03/RW 05",
        ["Input.City"] = "Yogyakarta",
        ["Input.Province"] = "DI Yogyakarta",
        ["Input.PostalCode"] = postalCode,
        ["Input.PaymentMethod"] = "CashOnDelivery",
    };

    public static Task<HttpResponseMessage> AddToCartAsync(this HttpClient client, long listingId, int quantity = 1) =>
        client.SubmitFormAsync($"/p/{listingId}", new Dictionary<string, string> { ["quantity"] = quantity.ToString(CultureInfo.InvariantCulture) }, "form.add-to-cart");

    /// <summary>Posts the add-to-cart form for a listing whose page may no longer be shown, with a token from the cart page.</summary>
    public static async Task<HttpResponseMessage> PostAddToCartAsync(this HttpClient client, long listingId)
    {
        var page = await client.GetDocumentAsync("/");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["quantity"] = "1", ["__RequestVerificationToken"] = token });
        return await client.PostAsync($"/p/{listingId}?handler=AddToCart", content);
    }

    public static Task<HttpResponseMessage> SetQuantityAsync(this HttpClient client, long listingId, int quantity) =>
        client.SubmitFormAsync("/Cart", new Dictionary<string, string> { ["quantity"] = quantity.ToString(CultureInfo.InvariantCulture) }, $".cart-line[data-listing='{listingId}'] form[action*=Update]");

    public static async Task<IReadOnlyList<CartLineSeen>> CartAsync(this HttpClient client)
    {
        var page = await client.GetDocumentAsync("/Cart");
        return page.QuerySelectorAll(".cart-line").Select(line => new CartLineSeen(
            long.Parse(line.GetAttribute("data-listing")!, CultureInfo.InvariantCulture),
            line.GetAttribute("data-state")!,
            line.QuerySelector("input[name=quantity]")?.GetAttribute("value") is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null,
            line.QuerySelector("a[href^='/p/']") is not null)).ToList();
    }

    /// <summary>Opens checkout for the address's province, so each seller's cheapest courier service is chosen, and places the order.</summary>
    public static Task<HttpResponseMessage> CheckOutAsync(this HttpClient client, IReadOnlyDictionary<string, string>? address = null, string query = "")
    {
        address ??= Address();
        var province = Uri.EscapeDataString(address["Input.Province"]);
        return client.SubmitFormAsync($"/Checkout?{query}{(query.Length > 0 ? "&" : string.Empty)}province={province}", address);
    }
}

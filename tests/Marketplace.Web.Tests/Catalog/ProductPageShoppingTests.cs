using System.Globalization;
using System.Net;
using Marketplace.Domain;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Shipping;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Catalog;

public sealed class ProductPageShoppingTests(ProductPageShoppingTests.Fixture fixture) : IClassFixture<ProductPageShoppingTests.Fixture>
{
    private MarketplaceApp App => fixture.App;

    private StorefrontData Data => new(App);

    [Fact]
    public async Task The_shipping_estimate_follows_the_picked_province_and_remembers_it()
    {
        var listing = await Data.ListingAsync(fixture.Shop, "batik-cap", "Kain Batik Cap Lasem", 180_000);
        var shopper = App.CreateBrowserClient();

        (await shopper.GetDocumentAsync($"/p/{listing}")).QuerySelector(".shipping-quote").Should().BeNull("nothing is known of an anonymous first visit");

        var same = await shopper.GetDocumentAsync($"/p/{listing}?province=jawa%20tengah");
        var withinProvince = await ExpectedShipping.CheapestAsync(App, "Jawa Tengah", (listing, 1));
        same.QuerySelector(".shipping-quote")!.GetAttribute("data-service").Should().Be(withinProvince.Service.Code);
        same.Text(".shipping-quote").Should().Be(Estimate("Jawa Tengah", withinProvince));

        var remembered = await shopper.GetDocumentAsync($"/p/{listing}");
        remembered.QuerySelector("#ship-to option[selected]")!.GetAttribute("value").Should().Be("Jawa Tengah");
        remembered.Text(".shipping-quote").Should().StartWith("Ke Jawa Tengah");

        var farAway = await ExpectedShipping.CheapestAsync(App, "Papua Selatan", (listing, 1));
        (await shopper.GetDocumentAsync($"/p/{listing}?province=Papua%20Selatan")).Text(".shipping-quote").Should().Be(Estimate("Papua Selatan", farAway));
        farAway.Price.Should().BeGreaterThan(withinProvince.Price, "a parcel across the country costs more than one within the shop's province");
        (await shopper.GetDocumentAsync($"/p/{listing}?province=Atlantis")).Text(".shipping-quote").Should().StartWith("Ke Papua Selatan", "an unknown province changes nothing");
    }

    [Fact]
    public async Task A_signed_in_shopper_gets_the_estimate_for_the_province_of_their_last_address()
    {
        var listing = await Data.ListingAsync(fixture.Shop, "batik-cap", "Kain Batik Cap Kudus", 150_000);
        var shopper = await ShopperAsync();
        await shopper.AddToCartAsync(listing);
        (await shopper.CheckOutAsync()).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = await shopper.GetDocumentAsync($"/p/{listing}");

        var quote = await ExpectedShipping.CheapestAsync(App, "DI Yogyakarta", (listing, 1));
        page.Text(".shipping-quote").Should().Be(Estimate("DI Yogyakarta", quote), "the last order went to DI Yogyakarta");
        page.QuerySelector(".shipping-quote")!.GetAttribute("data-price").Should().Be(quote.Price.Amount.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Buy_now_opens_checkout_with_only_that_item_and_leaves_the_rest_of_the_cart()
    {
        var kept = await Data.ListingAsync(fixture.Shop, "batik-cap", "Kain Batik Cap Tuban", 120_000);
        var bought = await Data.ListingAsync(fixture.Shop, "batik-cap", "Kain Batik Cap Madura", 200_000, stock: 5);
        var shopper = await ShopperAsync();
        await shopper.AddToCartAsync(kept);

        var product = await shopper.GetDocumentAsync($"/p/{bought}");
        var buyNow = product.QuerySelector("form.add-to-cart button.buy-now")!.GetAttribute("formaction")!;
        var (_, form) = await shopper.PrepareFormAsync($"/p/{bought}", new Dictionary<string, string> { ["quantity"] = "2" }, "form.add-to-cart");
        using var response = await shopper.PostAsync(buyNow, form);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be($"/Checkout?only={bought}");
        var checkout = await shopper.GetDocumentAsync(response.Headers.Location.OriginalString);
        checkout.QuerySelectorAll(".order-part li").Select(l => l.TextContent.Trim()).First().Should().StartWith("Kain Batik Cap Madura × 2");
        var shipping = await ExpectedShipping.CheapestAsync(App, "DI Yogyakarta", (bought, 2));
        var atCheckout = await shopper.GetDocumentAsync(response.Headers.Location.OriginalString + "&province=DI%20Yogyakarta");
        atCheckout.Text(".order-total").Should().Be((new Rupiah(400_000) + shipping.Price).ToString(), "only the item bought now is ordered, with its own shipping");

        using var placed = await shopper.CheckOutAsync(Shopping.Address(), $"only={bought}");

        placed.StatusCode.Should().Be(HttpStatusCode.Redirect, await placed.Content.ReadAsStringAsync());
        var number = placed.Headers.Location!.OriginalString.Split('/')[^1];
        var lines = await Data.WithDbAsync(db => db.Orders.Where(o => o.Number == number).SelectMany(o => o.Lines).Select(l => new { l.ListingId, l.Quantity }).ToListAsync());
        lines.Should().ContainSingle().Which.Should().Be(new { ListingId = bought, Quantity = 2 });
        (await Data.WithDbAsync(db => db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Number == number))).Total.Should().Be(new Rupiah(400_000) + shipping.Price);
        (await shopper.CartAsync()).Select(l => (l.ListingId, l.Quantity)).Should().Equal((kept, (int?)1));
    }

    [Fact]
    public async Task Buy_now_for_more_than_the_stock_stays_on_the_product_page_with_a_message()
    {
        var listing = await Data.ListingAsync(fixture.Shop, "batik-cap", "Kain Batik Cap Bakaran", 200_000, stock: 3);
        var shopper = await ShopperAsync();
        var buyNow = (await shopper.GetDocumentAsync($"/p/{listing}")).QuerySelector("button.buy-now")!.GetAttribute("formaction")!;
        var (_, form) = await shopper.PrepareFormAsync($"/p/{listing}", new Dictionary<string, string> { ["quantity"] = "4" }, "form.add-to-cart");

        using var response = await shopper.PostAsync(buyNow, form);

        response.Headers.Location!.OriginalString.Should().Be($"/p/{listing}");
        (await shopper.GetDocumentAsync($"/p/{listing}")).Text(".alert-warning").Should().Contain("3");
        (await shopper.CartAsync()).Should().BeEmpty();
    }

    private static string Estimate(string province, CourierQuote quote) =>
        $"Ke {province}: mulai {quote.Price} dengan {quote.Service.DisplayName}, tiba {quote.MinDays}–{quote.MaxDays} hari";

    private async Task<HttpClient> ShopperAsync()
    {
        var email = $"pembeli-{Guid.NewGuid():N}@example.id";
        await TestUsers.CreateAsync(App, email, Roles.Shopper);
        return await TestUsers.SignedInClientAsync(App, email);
    }

    public sealed class Fixture : AppFixture
    {
        public int Shop { get; private set; }

        protected override async Task SeedAsync(MarketplaceApp app) =>
            Shop = await new StorefrontData(app).SellerAsync("batik-lasem", "Batik Lasem", "Jawa Tengah", "Rembang");
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>Sizes and colours: chosen on the product page, carried through cart, order and stock, kept by the seller.</summary>
public sealed class VariantTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task Two_shoppers_buying_the_last_unit_of_one_size_at_once_get_one_order_and_one_message_naming_the_size()
    {
        var (sellerId, _) = await _portal.SellerAsync(SellerOrigin.Local);
        for (var round = 1; round <= 2; round++)
        {
            var listing = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Textile, $"Kemeja Batik Parang Edisi {round}");
            var sizes = await SizesAsync(listing, ("S", 250_000, 3), ("M", 260_000, 1));
            var (_, first) = await _portal.ShopperAsync();
            var (_, second) = await _portal.ShopperAsync();
            await AddAsync(first, listing, sizes["M"]);
            await AddAsync(second, listing, sizes["M"]);
            var (firstAction, firstForm) = await first.PrepareFormAsync(Shopping.CheckoutUrl, Shopping.Address());
            var (secondAction, secondForm) = await second.PrepareFormAsync(Shopping.CheckoutUrl, Shopping.Address());

            var responses = await Task.WhenAll(first.PostAsync(firstAction, firstForm), second.PostAsync(secondAction, secondForm));

            responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).Should().Be(1, "round {0}: exactly one checkout gets the last M", round);
            var refused = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
            (await FormPost.ParseAsync(refused)).Text(".alert-danger")
                .Should().Contain($"Kemeja Batik Parang Edisi {round} (Ukuran: M): stok habis, sudah dibeli pembeli lain");
            var stocks = await StocksAsync(listing);
            stocks.Should().BeEquivalentTo(new Dictionary<string, int> { ["S"] = 3, ["M"] = 0, ["listing"] = 3 });
            (await _portal.Scenario.WithDbAsync(db => db.OrderLines.Where(l => l.VariantId == sizes["M"]).SumAsync(l => l.Quantity))).Should().Be(1);
        }
    }

    [Fact]
    public async Task The_product_page_offers_each_size_with_its_price_and_the_order_the_seller_and_the_label_carry_the_size()
    {
        var (sellerId, seller) = await _portal.SellerAsync(SellerOrigin.Local);
        var listing = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Textile, "Kemeja Batik Kawung");
        var sizes = await SizesAsync(listing, ("S", 250_000, 0), ("M", 265_000, 4), ("L", 275_000, 2));
        var (_, shopper) = await _portal.ShopperAsync();

        var page = await shopper.GetDocumentAsync($"/p/{listing}");
        using var withoutSize = await shopper.SubmitFormAsync($"/p/{listing}", new Dictionary<string, string> { ["quantity"] = "1", ["variantId"] = string.Empty }, "form.add-to-cart");
        var toldToChoose = await shopper.GetDocumentAsync(withoutSize.Headers.Location!.OriginalString);
        await AddAsync(shopper, listing, sizes["L"], 2);
        var cart = await shopper.GetDocumentAsync("/Cart");
        using var placed = await shopper.CheckOutAsync();
        var number = placed.Headers.Location!.OriginalString.Split('/')[^1];
        var detail = await seller.GetDocumentAsync($"/Seller/Orders/{number}");
        var label = await seller.GetDocumentAsync($"/Seller/Orders/{number}/Label");
        var shoppersOrder = await shopper.GetDocumentAsync($"/Orders/{number}");

        page.Text(".product-price").Should().Be("mulai Rp 250.000");
        page.QuerySelectorAll("input[type=radio][name=variantId]").Select(r => r.GetAttribute("value")).Should().Equal(sizes["S"].ToString(CultureInfo.InvariantCulture), sizes["M"].ToString(CultureInfo.InvariantCulture), sizes["L"].ToString(CultureInfo.InvariantCulture));
        page.QuerySelector($"#variant-{sizes["S"]}")!.HasAttribute("disabled").Should().BeTrue("a sold-out size cannot be chosen");
        page.Text($"[data-variant='{sizes["S"]}']").Should().Contain("Ukuran: S").And.Contain("Stok habis");
        page.Text($"[data-variant='{sizes["L"]}']").Should().Contain("Rp 275.000");
        page.QuerySelector($"#variant-{sizes["M"]}")!.HasAttribute("checked").Should().BeTrue("the first size in stock is chosen, so the form works without script");
        withoutSize.StatusCode.Should().Be(HttpStatusCode.Redirect);
        withoutSize.Headers.Location!.OriginalString.Should().Be($"/p/{listing}");
        toldToChoose.Text(".alert-warning").Should().Contain("Pilih varian");
        cart.Text(".cart-line").Should().Contain("Ukuran: L").And.Contain("Rp 275.000");
        placed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var line = await _portal.Scenario.WithDbAsync(db => db.OrderLines.AsNoTracking().SingleAsync(l => l.ListingId == listing));
        (line.VariantId, line.VariantLabel, line.UnitPrice, line.Quantity).Should().Be((sizes["L"], "Ukuran: L", new Rupiah(275_000), 2));
        detail.Text(".seller-order-lines .variant-label").Should().Be("Ukuran: L");
        label.Text(".label-items").Should().Contain("2 × Kemeja Batik Kawung (Ukuran: L)");
        shoppersOrder.Text(".variant-label").Should().Be("Ukuran: L");
        (await StocksAsync(listing)).Should().BeEquivalentTo(new Dictionary<string, int> { ["S"] = 0, ["M"] = 4, ["L"] = 0, ["listing"] = 4 });
    }

    [Fact]
    public async Task Cancelling_a_line_puts_its_units_back_on_its_size()
    {
        var (sellerId, seller) = await _portal.SellerAsync(SellerOrigin.Local);
        var listing = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Textile, "Kebaya Encim Bordir");
        var sizes = await SizesAsync(listing, ("S", 250_000, 5), ("M", 250_000, 5));
        var (_, shopper) = await _portal.ShopperAsync();
        await AddAsync(shopper, listing, sizes["M"], 3);
        using var placed = await shopper.CheckOutAsync();
        var lineId = await _portal.Scenario.WithDbAsync(db => db.OrderLines.Where(l => l.ListingId == listing).Select(l => l.Id).SingleAsync());
        var afterOrder = await StocksAsync(listing);

        using var cancelled = await SellerPortal.PostWithTokenAsync(
            seller, "/Seller/Listings/Edit", "/Seller/Orders", new Dictionary<string, string> { ["lineId"] = lineId.ToString(CultureInfo.InvariantCulture), ["move"] = "Cancel" });

        afterOrder.Should().BeEquivalentTo(new Dictionary<string, int> { ["S"] = 5, ["M"] = 2, ["listing"] = 7 });
        (await StocksAsync(listing)).Should().BeEquivalentTo(new Dictionary<string, int> { ["S"] = 5, ["M"] = 5, ["listing"] = 10 });
    }

    [Fact]
    public async Task Variants_go_through_the_api_and_come_back_and_a_put_changes_adds_and_removes_them()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var token = await SellerPortal.CreateTokenAsync(client);
        var api = fixture.App.CreateClient();
        var body = new
        {
            sku = "KAOS-" + Guid.NewGuid().ToString("N")[..6],
            category = PolicyScenario.Textile,
            title = "Kaos Batik Lengan Pendek",
            description = "Katun combed.",
            weightGrams = 200,
            publish = true,
            images = new[] { Convert.ToBase64String(TestImages.Png()) },
            variants = new object[]
            {
                new { name1 = "Ukuran", value1 = "M", name2 = "Warna", value2 = "Merah", price = 120_000, stock = 4 },
                new { name1 = "Ukuran", value1 = "L", name2 = "Warna", value2 = "Merah", price = 125_000, stock = 6 },
            },
        };

        using var created = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings", token, body));
        var listing = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = listing.GetProperty("id").GetInt64();
        var medium = listing.GetProperty("variants")[0].GetProperty("id").GetInt64();
        using var updated = await api.SendAsync(SellerPortal.Api(HttpMethod.Put, $"/listings/{id}", token, new
        {
            category = PolicyScenario.Textile,
            title = "Kaos Batik Lengan Pendek",
            description = "Katun combed.",
            variants = new object[]
            {
                new { id = medium, name1 = "Ukuran", value1 = "M", name2 = "Warna", value2 = "Merah", price = 110_000, stock = 9 },
                new { name1 = "Ukuran", value1 = "XL", name2 = "Warna", value2 = "Biru", price = 130_000, stock = 1 },
            },
        },
        created.Headers.ETag!.ToString()));
        using var read = await api.SendAsync(SellerPortal.Api(HttpMethod.Get, $"/listings/{id}", token));
        var back = await read.Content.ReadFromJsonAsync<JsonElement>();
        using var refused = await api.SendAsync(SellerPortal.Api(HttpMethod.Put, $"/listings/{id}", token, new
        {
            category = PolicyScenario.Textile,
            title = "Kaos Batik Lengan Pendek",
            variants = new object[] { new { name1 = "Ukuran", value1 = "M/L", price = 0, stock = 1 } },
        },
        read.Headers.ETag!.ToString()));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        listing.GetProperty("state").GetString().Should().Be("Published");
        listing.GetProperty("price").GetInt64().Should().Be(120_000);
        listing.GetProperty("stock").GetInt32().Should().Be(10);
        listing.GetProperty("variants")[0].GetProperty("label").GetString().Should().Be("Ukuran: M / Warna: Merah");
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        back.GetProperty("price").GetInt64().Should().Be(110_000);
        back.GetProperty("stock").GetInt32().Should().Be(10);
        back.GetProperty("variants").EnumerateArray().Select(v => (v.GetProperty("id").GetInt64() == medium, v.GetProperty("label").GetString(), v.GetProperty("price").GetInt64(), v.GetProperty("stock").GetInt32()))
            .Should().Equal((true, "Ukuran: M / Warna: Merah", 110_000L, 9), (false, "Ukuran: XL / Warna: Biru", 130_000L, 1));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("variants[0].value1")[0].GetString().Should().Contain("tanpa tanda / atau :");
        problem.GetProperty("errors").GetProperty("variants[0].price")[0].GetString().Should().Contain("di atas Rp 0");
    }

    [Fact]
    public async Task The_editor_refuses_bad_variant_rows_beside_each_field_in_the_sellers_language_and_saves_good_ones()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var fields = SellerPortal.ListingFields(PolicyScenario.Textile, "Sarung Tenun Samarinda", price: string.Empty);
        fields["Input.VariantName1"] = "Ukuran";
        fields["Input.Variants[0].Value1"] = "Dewasa";
        fields["Input.Variants[0].Price"] = "harga";
        fields["Input.Variants[0].Stock"] = "3";
        fields["Input.Variants[1].Value1"] = "dewasa";
        fields["Input.Variants[1].Price"] = "150.000";
        fields["Input.Variants[1].Stock"] = "2";

        using var refused = await SellerPortal.PostListingAsync(client, "Save", fields);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c=en-US|uic=en-US");
        using var refusedInEnglish = await SellerPortal.PostListingAsync(client, "Save", fields);
        fields["Input.Variants[0].Price"] = "175.000";
        fields["Input.Variants[1].Value1"] = "Anak";
        using var saved = await SellerPortal.PostListingAsync(client, "Save", fields);

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var form = await FormPost.ParseAsync(refused);
        form.Text("[data-valmsg-for='Input.Variants[0].Price']").Should().Contain("Harga harus berupa angka rupiah");
        form.Text("[data-valmsg-for='Input.Price']").Should().BeEmpty("with variants the listing's price is theirs");
        var formInEnglish = await FormPost.ParseAsync(refusedInEnglish);
        formInEnglish.Text("[data-valmsg-for='Input.Variants[0].Price']").Should().Contain("price");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = long.Parse(saved.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0], CultureInfo.InvariantCulture);
        var listing = await _portal.Scenario.WithDbAsync(db => db.Listings.AsNoTracking().Include(l => l.Variants).SingleAsync(l => l.Id == id));
        listing.Variants.OrderBy(v => v.Position).Select(v => (v.Label, v.Price.Amount, v.Stock)).Should().Equal(("Ukuran: Dewasa", 175_000L, 3), ("Ukuran: Anak", 150_000L, 2));
        (listing.Price.Amount, listing.Stock).Should().Be((150_000L, 5));
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient shopper, long listing, long variant, int quantity = 1) =>
        shopper.SubmitFormAsync(
            $"/p/{listing}",
            new Dictionary<string, string> { ["quantity"] = quantity.ToString(CultureInfo.InvariantCulture), ["variantId"] = variant.ToString(CultureInfo.InvariantCulture) },
            "form.add-to-cart");

    /// <summary>Gives a live listing sizes, the cheapest at the listing's own price so the policy's input stays as decided.</summary>
    private Task<Dictionary<string, long>> SizesAsync(long listingId, params (string Size, long Price, int Stock)[] sizes) =>
        _portal.Scenario.WithDbAsync(async db =>
        {
            var listing = await db.Listings.Include(l => l.Variants).SingleAsync(l => l.Id == listingId);
            listing.SetVariants(sizes.Select(s => new VariantDraft(null, new VariantOptions("Ukuran", s.Size), new Rupiah(s.Price), s.Stock)).ToList(), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return listing.Variants.ToDictionary(v => v.Value1, v => v.Id);
        });

    private Task<Dictionary<string, int>> StocksAsync(long listingId) =>
        _portal.Scenario.WithDbAsync(async db =>
        {
            var listing = await db.Listings.AsNoTracking().Include(l => l.Variants).SingleAsync(l => l.Id == listingId);
            var stocks = listing.Variants.ToDictionary(v => v.Value1, v => v.Stock);
            stocks["listing"] = listing.Stock;
            return stocks;
        });
}

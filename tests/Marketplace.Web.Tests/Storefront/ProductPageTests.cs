using System.Net;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Storefront;

public sealed class ProductPageTests(ProductPageTests.Fixture fixture) : IClassFixture<ProductPageTests.Fixture>
{
    private Fixture.Catalog Data => fixture.Data;

    [Fact]
    public async Task Product_page_shows_price_in_rupiah_stock_origin_tkdn_and_category_path()
    {
        var page = await fixture.App.CreateBrowserClient().GetDocumentAsync($"/p/{Data.Batik}");

        page.Text("h1").Should().Be("Kain Batik Tulis Parang Rusak");
        page.Text(".product-price").Should().Be("Rp 1.250.000");
        page.Text(".stock").Should().Be("Stok: 7");
        page.Text(".product .badge-local").Should().Be("Buatan Indonesia");
        page.Text(".product").Should().Contain("TKDN 92,5%");
        page.QuerySelectorAll(".breadcrumb a").Select(a => a.GetAttribute("href")).Should().Equal("/", "/c/fesyen-tekstil", "/c/kain-tradisional", "/c/batik-tulis");
        page.Text("title").Should().StartWith("Kain Batik Tulis Parang Rusak");
        page.QuerySelector("meta[name=description]")!.GetAttribute("content").Should().Contain("Rp 1.250.000").And.Contain("Batik Solo Asri");
    }

    [Fact]
    public async Task Seller_card_tells_a_local_shop_from_a_cross_border_one_with_its_country()
    {
        var client = fixture.App.CreateBrowserClient();
        var local = await client.GetDocumentAsync($"/p/{Data.Batik}");
        var abroad = await client.GetDocumentAsync($"/p/{Data.Phone}");

        local.Text(".seller-card h2").Should().Be("Batik Solo Asri");
        local.Text(".seller-card").Should().Contain("Surakarta, Jawa Tengah").And.Contain("Penjual lokal (UMKM)");
        abroad.Text(".seller-card").Should().Contain("Shenzhen, Tiongkok").And.Contain("Penjual lintas negara · Tiongkok");
        abroad.Text(".product .badge-cross").Should().Be("Lintas Negara · Tiongkok");
    }

    [Fact]
    public async Task Related_listings_come_from_the_same_category_without_the_product_itself()
    {
        var page = await fixture.App.CreateBrowserClient().GetDocumentAsync($"/p/{Data.Batik}");

        Pages.ListingIds(page).Should().BeEquivalentTo([Data.OtherBatik]);
    }

    [Fact]
    public async Task Sold_out_product_offers_no_add_to_cart_form()
    {
        var page = await fixture.App.CreateBrowserClient().GetDocumentAsync($"/p/{Data.OtherBatik}");

        page.Text(".product").Should().Contain("Stok habis");
        page.QuerySelector("form.add-to-cart").Should().BeNull();
    }

    [Fact]
    public async Task In_english_the_page_reads_in_english_and_the_price_keeps_the_rupiah_format()
    {
        var client = fixture.App.CreateBrowserClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c=en-US|uic=en-US");

        var page = await client.GetDocumentAsync($"/p/{Data.Batik}");

        page.DocumentElement.GetAttribute("lang").Should().Be("en");
        page.Text(".stock").Should().Be("In stock: 7");
        page.Text(".product-price").Should().Be("Rp 1.250.000");
        page.Text(".product").Should().Contain("TKDN 92.5%");
        page.QuerySelectorAll(".breadcrumb a").Select(a => a.TextContent).Should().Contain("Traditional Fabrics");
    }

    [Theory]
    [InlineData("/p/999999")]
    [InlineData("/s/toko-tidak-ada")]
    public async Task Unknown_product_or_shop_is_a_clear_404(string url)
    {
        using var response = await fixture.App.CreateBrowserClient().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var page = await FormPost.ParseAsync(response);
        page.Text("h1").Should().Be("Halaman tidak ditemukan");
    }

    [Fact]
    public async Task Shop_page_lists_the_seller_listings()
    {
        var page = await fixture.App.CreateBrowserClient().GetDocumentAsync("/s/batik-solo-asri");

        page.Text("h1").Should().Be("Batik Solo Asri");
        Pages.ListingIds(page).Should().BeEquivalentTo([Data.Batik, Data.OtherBatik]);
    }

    public sealed class Fixture : AppFixture
    {
        public Catalog Data { get; private set; } = null!;

        protected override async Task SeedAsync(MarketplaceApp app)
        {
            var data = new StorefrontData(app);
            var batikShop = await data.SellerAsync("batik-solo-asri", "Batik Solo Asri", "Jawa Tengah", "Surakarta");
            var phoneShop = await data.SellerAsync("shenzhen-phones", "Shenzhen Phones", "Guangdong", "Shenzhen", "CN");
            Data = new Catalog
            {
                Batik = await data.ListingAsync(batikShop, "batik-tulis", "Kain Batik Tulis Parang Rusak", 1_250_000, stock: 7, tkdn: 92.5m, description: "Batik tulis halus.\nDikerjakan tiga bulan."),
                OtherBatik = await data.ListingAsync(batikShop, "batik-tulis", "Kain Batik Tulis Kawung", 950_000, stock: 0),
                Phone = await data.ListingAsync(phoneShop, "smartphone", "Smartphone Android 8 GB", 2_499_000, stock: 12),
            };
        }

        public sealed class Catalog
        {
            public required long Batik { get; init; }

            public required long OtherBatik { get; init; }

            public required long Phone { get; init; }
        }
    }
}

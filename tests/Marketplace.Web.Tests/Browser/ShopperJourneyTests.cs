using System.Text.RegularExpressions;
using Marketplace.Domain;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Shipping;
using Marketplace.Web.Tests.Storefront;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>A shopper in a real headless Chromium; screenshots go to TestResults/screenshots for a person to look at.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ShopperJourneyTests(ShopperJourneyTests.Fixture fixture) : IClassFixture<ShopperJourneyTests.Fixture>, IAsyncLifetime
{
    private const int DesktopWidth = 1366;
    private const int PhoneWidth = 390;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        fixture.Csp.Seen.Should().BeEmpty("the pages run under the Content-Security-Policy without a violation");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_policy_is_in_force_in_the_browser_and_a_violation_would_be_seen()
    {
        var watched = new CspViolations();
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        await watched.WatchAsync(context);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/");

        (await response!.AllHeadersAsync()).Should().NotContainKey("server", "Kestrel's Server header is off")
            .And.Contain("content-security-policy", Marketplace.Web.Hosting.SecurityHeaders.ContentSecurityPolicy);
        await page.RunAndWaitForConsoleMessageAsync(
            () => page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.ran = true'; document.body.append(s); }"),
            new() { Predicate = m => m.Text.StartsWith(CspViolations.Prefix + "script-src", StringComparison.Ordinal) });
        await page.RunAndWaitForConsoleMessageAsync(
            () => page.EvaluateAsync("() => { document.body.insertAdjacentHTML('beforeend', '<p id=inline style=\\'color: rgb(255, 0, 0)\\'>x</p>'); }"), new() { Predicate = m => m.Text.StartsWith(CspViolations.Prefix + "style-src", StringComparison.Ordinal) });

        (await page.EvaluateAsync<bool>("() => window.ran === true")).Should().BeFalse("the inline script was refused");
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('inline')).color")).Should().NotBe("rgb(255, 0, 0)", "the inline style was refused");
        watched.Seen.Should().Contain(v => v.Contains("style-src", StringComparison.Ordinal)).And.Contain(v => v.Contains("script-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shopper_searches_filters_opens_a_product_adds_it_to_the_cart_checks_out_and_sees_the_order()
    {
        await using var context = await fixture.NewContextAsync(DesktopWidth, 900);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await ScreenshotAsync(page, "home-desktop");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Cari" }).First.FillAsync("kopi");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Cari" }).First.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/Search\\?q=kopi$"));
        (await page.Locator(".listing-card").CountAsync()).Should().Be(3);

        await page.GetByLabel("Produk lokal").CheckAsync();
        await page.GetByLabel("Provinsi penjual").SelectOptionAsync("Aceh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Terapkan" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("origin=local"));
        page.Url.Should().EndWith("/Search?q=kopi&origin=local&province=Aceh");
        (await page.Locator(".listing-card .title").AllInnerTextsAsync()).Should().Equal("Kopi Gayo Arabika 250 g");
        await ScreenshotAsync(page, "search-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "Kopi Gayo Arabika 250 g" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/p/{fixture.Coffee}$"));
        (await page.Locator(".product-price").InnerTextAsync()).Should().Be("Rp 85.000");
        await ScreenshotAsync(page, "product-desktop");
        await page.GetByLabel("Jumlah").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah ke keranjang" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Cart$"));
        (await page.Locator(".cart-line .line-total").InnerTextAsync()).Should().Be("Rp 170.000");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lanjut ke pembayaran" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Account/Login"));
        await page.GetByLabel("Email").FillAsync(Fixture.ShopperEmail);
        await page.GetByLabel("Kata sandi").FillAsync(TestUsers.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Checkout$"));

        await page.GetByLabel("Nama penerima").FillAsync("Cut Nyak Dien");
        await page.GetByLabel("Nomor telepon").FillAsync("0811-6800-123");
        await page.GetByLabel("Alamat lengkap").FillAsync("Jl. Teuku Umar 7, Gampong Baro");
        await page.GetByLabel("Kota/Kabupaten").FillAsync("Banda Aceh");
        await page.GetByLabel("Provinsi", new() { Exact = true }).SelectOptionAsync("Aceh");
        await page.GetByLabel("Kode pos").FillAsync("23116");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hitung ongkir" }).First.ClickAsync();
        await page.Locator(".courier-part input[type=radio]:checked").WaitForAsync();
        await page.GetByLabel("Bayar di tempat (COD)").CheckAsync();
        var total = (new Rupiah(170_000) + (await ExpectedShipping.CheapestAsync(fixture.App, "Aceh", (fixture.Coffee, 2))).Price).ToString();
        (await page.Locator(".order-total").InnerTextAsync()).Should().Be(total);
        await ScreenshotAsync(page, "checkout-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat pesanan" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/Checkout/Confirmation/MP-"));
        var number = await page.Locator(".order-number").InnerTextAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Terima kasih");
        await ScreenshotAsync(page, "confirmation-desktop");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pesanan Saya" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Orders$"));
        (await page.Locator(".order-cards").InnerTextAsync()).Should().Contain(number).And.Contain(total);
    }

    [Fact]
    public async Task Language_switch_changes_the_page_and_is_remembered()
    {
        await using var context = await fixture.NewContextAsync(DesktopWidth, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/p/{fixture.Coffee}");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("id");

        await page.GetByRole(AriaRole.Button, new() { Name = "Bahasa: English" }).ClickAsync();

        await page.WaitForURLAsync(new Regex($"/p/{fixture.Coffee}$"));
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("en");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).CountAsync()).Should().Be(1);
        (await page.Locator(".product-price").InnerTextAsync()).Should().Be("Rp 85.000");
        await page.GotoAsync("/Search?q=kopi");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Search results for “kopi”");

        await page.GetByRole(AriaRole.Button, new() { Name = "Language: Bahasa Indonesia" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Search\\?q=kopi$"));
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Hasil pencarian “kopi”");
    }

    [Fact]
    public async Task Pages_fit_a_phone_screen_without_sideways_scrolling()
    {
        await using var context = await fixture.NewContextAsync(PhoneWidth, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login?ReturnUrl=%2FCart");
        await page.GetByLabel("Email").FillAsync(Fixture.PhoneShopperEmail);
        await page.GetByLabel("Kata sandi").FillAsync(TestUsers.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Cart$"));
        await page.GotoAsync($"/p/{fixture.Batik}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah ke keranjang" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Cart$"));

        foreach (var (url, name) in new[] { ("/", "home-phone"), ("/Search?q=kopi&stock=1", "search-phone"), ($"/p/{fixture.Batik}", "product-phone"), ("/Cart", "cart-phone"), ("/Checkout", "checkout-phone") })
        {
            await page.GotoAsync(url);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            var widest = await page.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth)" +
                ".slice(0, 5).map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`)");
            overflow.Should().BeLessThanOrEqualTo(0, "{0} should fit a {1} px wide screen; too wide: {2}", url, PhoneWidth, string.Join(", ", widest));
            await ScreenshotAsync(page, name);
        }
    }

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    public sealed class Fixture : BrowserFixture
    {
        public const string ShopperEmail = "pembeli.browser@example.id";
        public const string PhoneShopperEmail = "pembeli.ponsel@example.id";

        public long Coffee { get; private set; }

        public long Batik { get; private set; }

        protected override async Task SeedAsync(MarketplaceApp app)
        {
            var data = new StorefrontData(app);
            var aceh = await data.SellerAsync("kopi-gayo-takengon", "Kopi Gayo Takengon", "Aceh", "Takengon");
            var toraja = await data.SellerAsync("kopi-toraja", "Kopi Toraja Kalosi", "Sulawesi Selatan", "Makassar");
            var solo = await data.SellerAsync("batik-laweyan", "Batik Laweyan", "Jawa Tengah", "Surakarta");
            var lampung = await data.SellerAsync("kopi-lampung", "Kopi Lampung Jaya", "Lampung", "Bandar Lampung");
            var abroad = await data.SellerAsync("saigon-home", "Saigon Home Appliances", "Ho Chi Minh", "Ho Chi Minh City", "VN");
            Coffee = await data.ListingAsync(aceh, "kopi-bubuk", "Kopi Gayo Arabika 250 g", 85_000, stock: 12, tkdn: 95, description: "Kopi arabika dari dataran tinggi Gayo, disangrai sedang.");
            await data.ListingAsync(toraja, "kopi-biji", "Kopi Toraja Sapan Biji 500 g", 140_000, stock: 6, tkdn: 90);
            await data.ListingAsync(lampung, "kopi-bubuk", "Kopi Robusta Lampung 1 kg", 120_000, stock: 0);
            await data.ListingAsync(abroad, "blender-mixer", "Blender Kaca 1,5 Liter", 389_000, stock: 20);
            Batik = await data.ListingAsync(solo, "batik-tulis", "Kain Batik Tulis Sidomukti Sogan", 1_350_000, stock: 3, tkdn: 100);
            await TestUsers.CreateAsync(app, ShopperEmail, Roles.Shopper);
            await TestUsers.CreateAsync(app, PhoneShopperEmail, Roles.Shopper);
        }
    }
}

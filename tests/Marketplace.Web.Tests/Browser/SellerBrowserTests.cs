using Marketplace.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>A seller's first day, in headless Chromium against the site on Kestrel: sign up, open a shop, list a product.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SellerBrowserTests(KestrelSite site) : IClassFixture<KestrelSite>, IAsyncLifetime
{
    /// <summary>A 1×1 PNG, so the browser uploads a real image.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly CspViolations _csp = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions);
    }

    public async Task DisposeAsync()
    {
        _csp.Seen.Should().BeEmpty("the pages run under the Content-Security-Policy without a violation");
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [Fact]
    public async Task A_local_seller_signs_up_opens_a_shop_publishes_a_listing_with_an_image_and_finds_it_in_the_storefront()
    {
        var page = await NewPageAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];

        await SignUpAsync(page, $"sari-{suffix}@example.id");
        await OpenShopAsync(page, "Batik Sari Lasem", $"batik-sari-{suffix}", "Local", "ID");
        await page.GotoAsync("/Seller/Listings/Edit");
        await FillListingAsync(page, $"SARI-{suffix}", "kipas-angin", $"Kipas Angin Meja Sari {suffix}");
        await page.SetInputFilesAsync("#uploads", new FilePayload { Name = "kain.png", MimeType = "image/png", Buffer = Png });
        await page.ClickAsync("main button[formaction*='handler=Publish']");

        await page.WaitForSelectorAsync("#listing-status");
        (await page.GetAttributeAsync("#listing-status", "data-state")).Should().Be("Published");
        (await page.Locator("main img[src^='/images/']").CountAsync()).Should().Be(1);

        await page.GotoAsync("/");
        var card = page.Locator("section[aria-labelledby='newest'] .listing-card", new PageLocatorOptions { HasText = $"Meja Sari {suffix}" });
        (await card.CountAsync()).Should().Be(1);
        var image = card.Locator("img");
        (await image.GetAttributeAsync("src")).Should().StartWith("/images/");
        (await image.EvaluateAsync<int>("img => img.naturalWidth")).Should().Be(1, "the image is served and decodes");
    }

    [Fact]
    public async Task A_cross_border_seller_sees_the_closed_categories_marked_with_the_reason_before_filling_the_form()
    {
        var page = await NewPageAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];

        await SignUpAsync(page, $"li-{suffix}@example.cn");
        // A shop abroad whose name reads like closed-cluster goods has its listings held (its name is screened); this one sells fans.
        await OpenShopAsync(page, "Guangzhou Electric Hub", $"gz-electric-{suffix}", "CrossBorder", "CN");
        await page.GotoAsync("/Seller/Listings/Edit");

        var batik = page.Locator("select[name='Input.Category'] option[value='batik-tulis']");
        (await batik.IsDisabledAsync()).Should().BeTrue("a closed category cannot be chosen");
        (await batik.InnerTextAsync()).Should().Contain("ditutup").And.Contain("Tekstil & Fesyen");
        (await page.InnerTextAsync("#closed-categories")).Should().Contain("Tekstil & Fesyen").And.Contain("Makanan & Minuman").And.Contain("Kerajinan");

        await FillListingAsync(page, $"GZ-{suffix}", "kipas-angin", $"Kipas Angin Lantai {suffix}");
        await page.SetInputFilesAsync("#uploads", new FilePayload { Name = "kipas.png", MimeType = "image/png", Buffer = Png });
        await page.ClickAsync("main button[formaction*='handler=Publish']");
        await page.WaitForSelectorAsync("#listing-status");
        (await page.GetAttributeAsync("#listing-status", "data-state")).Should().Be("Published", "an open category is the cross-border seller's to sell in");
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress, Locale = "id-ID" });
        await _csp.WatchAsync(context);
        return await context.NewPageAsync();
    }

    private static async Task SignUpAsync(IPage page, string email)
    {
        await PageChecks.RegisterAsync(page, "Penjual Baru", email, "rahasia-toko-1");
        new Uri(page.Url).AbsolutePath.Should().Be("/");
    }

    private static async Task OpenShopAsync(IPage page, string name, string slug, string origin, string country)
    {
        await page.GotoAsync("/OpenShop");
        await page.FillAsync("input[name='Input.StoreName']", name);
        (await page.InputValueAsync("input[name='Input.Slug']")).Should().NotBeEmpty("the shop link follows the name");
        await page.FillAsync("input[name='Input.Slug']", slug);
        await page.CheckAsync($"input[name='Input.Origin'][value='{origin}']");
        await page.SelectOptionAsync("select[name='Input.CountryCode']", country);
        if (country == "ID")
        {
            await page.SelectOptionAsync("select[name='Input.Province']", "Jawa Tengah");
        }
        else
        {
            await page.FillAsync("input[name='Input.Province']", "Guangdong");
        }

        await page.FillAsync("input[name='Input.City']", origin == "Local" ? "Rembang" : "Guangzhou");
        await page.FillAsync("input[name='Input.ContactEmail']", "halo@" + slug + ".id");
        await page.FillAsync("input[name='Input.ContactPhone']", "0812-3456-7890");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Seller");
    }

    private static async Task FillListingAsync(IPage page, string sku, string category, string title)
    {
        await page.FillAsync("input[name='Input.Sku']", sku);
        await page.SelectOptionAsync("select[name='Input.Category']", category);
        await page.FillAsync("input[name='Input.Title']", title);
        await page.FillAsync("textarea[name='Input.Description']", "Dibuat dengan tangan.");
        await page.FillAsync("input[name='Input.Price']", "450.000");
        await page.FillAsync("input[name='Input.Stock']", "6");
        await page.FillAsync("input[name='Input.WeightGrams']", "800");
    }
}

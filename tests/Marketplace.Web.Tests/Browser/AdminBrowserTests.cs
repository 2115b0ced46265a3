using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>An admin closes a cluster in a real browser, and a shopper no longer finds its cross-border goods.</summary>
public sealed class AdminBrowserTests(AdminKestrelSite site) : IClassFixture<AdminKestrelSite>
{
    private const string AdminEmail = "admin.browser@example.id";
    private const string Handicraft = "Keranjang Anyaman Rotan Impor";

    [Fact]
    public async Task An_admin_blocks_handicrafts_with_a_reason_sees_the_preview_and_the_result_and_a_shopper_no_longer_finds_the_listing()
    {
        var scenario = new PolicyScenario(site.App);
        var craft = await scenario.ClusterIdAsync(ClusterCodes.Handicraft);
        await scenario.RulesAsync(r => r.OpenClusterAsync(craft, "Dibuka untuk uji peramban", "test"));
        var foreign = await scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        await scenario.CreatePublishedAsync(foreign, PolicyScenario.Rattan, Handicraft, ProductOrigin.Imported);
        await scenario.CreatePublishedAsync(foreign, PolicyScenario.Smartphones, "Smartphone 5G 8/256", ProductOrigin.Imported);

        // A few local listings, so the dashboard has something to draw besides the closure.
        var local = await scenario.CreateSellerAsync(SellerOrigin.Local);
        foreach (var (category, title) in new[]
        {
            (PolicyScenario.Textile, "Batik Tulis Pekalongan"), (PolicyScenario.Textile, "Batik Tulis Solo"), (PolicyScenario.Coffee, "Kopi Gayo 250 gr"),
            (PolicyScenario.Rattan, "Tas Anyaman Rotan Lombok"), (PolicyScenario.PhoneCases, "Casing HP Kayu Jepara"),
        })
        {
            await scenario.CreatePublishedAsync(local, category, title);
        }

        var waiting = await scenario.CreateDraftAsync(foreign, PolicyScenario.PhoneCases, "Casing HP Motif B4tik Parang <Premium>", origin: ProductOrigin.Imported, description: "Cocok untuk penggemar kain batik & kopi.");
        (await scenario.PublishAsync(waiting)).State.Should().Be(ListingState.PendingReview);
        await TestUsers.CreateAsync(site.App, AdminEmail, Roles.Admin);
        var screenshots = BrowserFixture.ScreenshotFolder;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions);

        var csp = new CspViolations();
        var shopper = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = site.BaseAddress.ToString() });
        await csp.WatchAsync(shopper);
        await shopper.GotoAsync("/");
        (await shopper.Locator("section[aria-labelledby=newest]").InnerTextAsync()).Should().Contain(Handicraft, "before the closure the shopper finds it");

        var admin = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = site.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await csp.WatchAsync(admin);
        await PageChecks.SignInAsync(admin, site.App, AdminEmail);

        await admin.GotoAsync("/Admin/Clusters");
        var row = admin.Locator("tr[data-cluster=CRAFT]");
        (await row.InnerTextAsync()).Should().Contain("Terbuka").And.Contain("1");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await admin.FillAsync("textarea[name='Input.Reason']", "Tahap ketiga AKAR: kerajinan ditutup lagi untuk lintas negara");
        await admin.ClickAsync("#preview-button");

        var preview = admin.Locator("#preview");
        await preview.WaitForAsync();
        (await preview.Locator("dd[data-effect=suspended]").InnerTextAsync()).Should().Be("1");
        (await preview.Locator(".effect-sample").InnerTextAsync()).Should().Contain(Handicraft);
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "admin-cluster-preview.png"), FullPage = true });

        await admin.ClickAsync("#confirm");
        var result = admin.Locator("#result");
        await result.WaitForAsync();
        (await result.Locator("dd[data-effect=suspended]").InnerTextAsync()).Should().Be("1");
        (await admin.Locator("#cluster-state").InnerTextAsync()).Should().Contain("Ditutup sejak");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "admin-cluster-result.png"), FullPage = true });

        await admin.GotoAsync("/Admin/Clusters");
        (await admin.Locator("tr[data-cluster=CRAFT]").InnerTextAsync()).Should().Contain("Ditutup sejak");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "admin-clusters.png"), FullPage = true });

        await admin.GotoAsync("/Admin");
        (await admin.Locator("svg[role=img]").CountAsync()).Should().Be(3);
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "admin-dashboard.png"), FullPage = true });

        await admin.GotoAsync("/Admin/Review");
        (await admin.Locator("li[data-listing] .review-title mark").AllInnerTextsAsync()).Should().Equal("B4tik");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "admin-review.png"), FullPage = true });
        await admin.GotoAsync("/Admin/Audit?tab=Actions");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "admin-audit.png"), FullPage = true });

        await shopper.GotoAsync("/");
        (await shopper.Locator("main").InnerTextAsync()).Should().NotContain(Handicraft, "the closure took the cross-border handicraft down");
        csp.Seen.Should().BeEmpty("the pages run under the Content-Security-Policy without a violation");
    }
}

using System.Text;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Enforcement;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>A seller's strike leads to an appeal; an admin grants it in the queue; the seller reads the outcome.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EnforcementBrowserTests(AdminKestrelSite site) : IClassFixture<AdminKestrelSite>
{
    private const string AdminEmail = "admin.enforcement@example.id";
    private const string TakedownAdminEmail = "admin.takedown@example.id";

    [Fact]
    public async Task A_strike_is_appealed_granted_by_an_admin_and_the_seller_sees_the_outcome()
    {
        var scenario = new EnforcementScenario(site.App);
        var (seller, sellerEmail) = await scenario.Policy.CreateSellerWithLoginAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await scenario.Policy.CreateDraftAsync(seller, PolicyScenario.Textile, "Kemeja Batik Printing Impor", origin: ProductOrigin.Imported);
        (await scenario.Policy.PublishAsync(listing)).State.Should().Be(ListingState.Rejected);
        var strike = (await scenario.StrikeRowsAsync(seller)).Single();
        await TestUsers.CreateAsync(site.App, AdminEmail, Roles.Admin);
        var screenshots = BrowserFixture.ScreenshotFolder;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions);
        var csp = new CspViolations();

        var shop = await SignInAsync(browser, csp, sellerEmail);
        await shop.GotoAsync("/Seller");
        (await shop.Locator($"#seller-strikes tr[data-strike='{strike.Id}']").InnerTextAsync()).Should().Contain("Kemeja Batik Printing Impor").And.Contain("Aktif");
        await shop.GotoAsync($"/Seller/Appeals?subject=Strike:{strike.Id}");
        await shop.FillAsync("textarea[name='Input.Statement']", "Kemeja ini dijahit di Pekalongan; sertifikat TKDN terlampir.");
        await shop.SetInputFilesAsync("#Documents", new FilePayload { Name = "tkdn.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n% TKDN 52%\n%%EOF\n") });
        await shop.ClickAsync("#appeal-form button[type=submit]");
        await shop.Locator("#appeal-sent").WaitForAsync();

        var admin = await SignInAsync(browser, csp, AdminEmail);
        await admin.GotoAsync("/Admin/Appeals");
        var row = admin.Locator("#appeal-queue tr[data-appeal]").First;
        (await row.InnerTextAsync()).Should().Contain("Pelanggaran").And.Contain("WIB");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "admin-appeal-queue.png"), FullPage = true });
        await row.GetByRole(AriaRole.Link).ClickAsync();
        (await admin.Locator(".appeal-statement").InnerTextAsync()).Should().Contain("Pekalongan");
        await admin.FillAsync("textarea[name='Note']", "Sertifikat TKDN sah; pelanggaran dibatalkan.");
        await admin.ClickAsync("#appeal-decision button[formaction*='handler=Grant']");
        await admin.Locator("#result").WaitForAsync();
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "admin-appeal-granted.png"), FullPage = true });

        await shop.GotoAsync("/Seller/Appeals");
        (await shop.Locator("#appeals li[data-status=Granted]").InnerTextAsync()).Should().Contain("Dikabulkan").And.Contain("Sertifikat TKDN sah");
        await shop.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "seller-appeal-granted.png"), FullPage = true });
        await shop.GotoAsync("/Seller");
        (await shop.Locator($"#seller-strikes tr[data-strike='{strike.Id}']").InnerTextAsync()).Should().Contain("Dibatalkan");
        csp.Seen.Should().BeEmpty("the pages run under the Content-Security-Policy without a violation");
    }

    [Fact]
    public async Task An_admin_records_a_takedown_request_and_reads_the_compliance_page()
    {
        var scenario = new EnforcementScenario(site.App);
        var seller = await scenario.Policy.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await scenario.Policy.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone Tanpa Sertifikat SDPPI", ProductOrigin.Imported);
        await scenario.BlockedAttemptAsync(seller, "Kemeja Batik Cap Impor");
        await scenario.HeldForReviewAsync(seller, "Casing HP Motif Batik Mega Mendung");
        await TestUsers.CreateAsync(site.App, TakedownAdminEmail, Roles.Admin);
        var screenshots = BrowserFixture.ScreenshotFolder;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions);
        var csp = new CspViolations();
        var admin = await SignInAsync(browser, csp, TakedownAdminEmail);

        await admin.GotoAsync("/Admin/Takedowns");
        await admin.SelectOptionAsync("select[name='Input.Body']", "Kominfo");
        await admin.FillAsync("input[name='Input.ReferenceNumber']", "B-512/DJAI/2026");
        await admin.FillAsync("input[name='Input.LegalBasis']", "PP 71/2019 tentang Penyelenggaraan Sistem dan Transaksi Elektronik, Pasal 5");
        await admin.FillAsync("textarea[name='Input.Listings']", $"{site.BaseAddress}p/{listing}\nhttps://toko-lain.example/produk/4242");
        await admin.ClickAsync("#record");
        await admin.Locator("#result").WaitForAsync();
        (await admin.Locator("#takedown").GetAttributeAsync("data-status")).Should().Be("PartlyDone");
        (await admin.Locator("#takedown-lines tr[data-matched=false]").InnerTextAsync()).Should().Contain("toko-lain.example");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "admin-takedown-detail.png"), FullPage = true });
        await admin.GotoAsync("/Admin/Takedowns");
        (await admin.Locator("#takedowns tr[data-takedown]").First.InnerTextAsync()).Should().Contain("Kominfo B-512/DJAI/2026").And.Contain("WIB");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "admin-takedown-inbox.png"), FullPage = true });

        await admin.GotoAsync("/Admin/Compliance");
        (await admin.Locator("#chart-blocked rect[data-amount]").CountAsync()).Should().Be(30);
        (await admin.Locator("#compliance-top-shops").InnerTextAsync()).Should().Contain("Toko Uji");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "admin-compliance.png"), FullPage = true });
        csp.Seen.Should().BeEmpty("the pages run under the Content-Security-Policy without a violation");
    }

    private async Task<IPage> SignInAsync(IBrowser browser, CspViolations csp, string email)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = site.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await csp.WatchAsync(page);
        await PageChecks.SignInAsync(page, site.App, email);
        return page;
    }
}

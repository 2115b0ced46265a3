using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>A product page with a drawn demo photo, and the admin's review card with photo, seller, link and "Urungkan".</summary>
public sealed class PhotoBrowserTests(AdminKestrelSite site) : IClassFixture<AdminKestrelSite>
{
    private const string AdminEmail = "admin.photos@example.id";

    [Fact]
    public async Task A_product_shows_its_drawn_photo_and_an_approved_card_offers_undo()
    {
        var scenario = new PolicyScenario(site.App);
        var local = await scenario.CreateSellerAsync(SellerOrigin.Local);
        var batik = await DrawnAsync(scenario, local, PolicyScenario.Textile, "Kain Batik Tulis Sekar Jagad", ProductOrigin.Local, ClusterCodes.Textile);
        (await scenario.PublishAsync(batik)).State.Should().Be(ListingState.Published);
        var foreign = await scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "MY");
        var held = await DrawnAsync(scenario, foreign, PolicyScenario.PhoneCases, "Casing HP Motif Batik Kawung", ProductOrigin.Imported, ReferenceCatalog.Electronics);
        (await scenario.PublishAsync(held)).State.Should().Be(ListingState.PendingReview);
        await TestUsers.CreateAsync(site.App, AdminEmail, Roles.Admin);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions);
        var csp = new CspViolations();
        var shopper = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = site.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await csp.WatchAsync(shopper);
        await shopper.GotoAsync($"/p/{batik}");
        var photo = shopper.Locator("main img").First;
        await photo.WaitForAsync();
        (await photo.EvaluateAsync<int>("i => i.naturalWidth")).Should().BeGreaterThan(0, "the drawn photo loads");
        await shopper.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "product-drawn-photo-390.png"), FullPage = true });

        var admin = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = site.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await csp.WatchAsync(admin);
        await PageChecks.SignInAsync(admin, site.App, AdminEmail);
        await admin.GotoAsync("/Admin/Review");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "admin-review-card.png"), FullPage = true });
        await admin.ClickAsync($"li[data-listing='{held}'] button[formaction*=Approve]");

        var card = admin.Locator($"#recent-reviews li[data-recent='{held}']");
        await card.WaitForAsync();
        (await card.Locator("img.review-photo").EvaluateAsync<int>("i => i.naturalWidth")).Should().BeGreaterThan(0);
        (await card.InnerTextAsync()).Should().Contain("Urungkan").And.Contain("Lihat produk");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "admin-review-undo.png"), FullPage = true });

        await card.Locator("button").ClickAsync();
        (await admin.Locator("#undo-result").InnerTextAsync()).Should().Contain("diurungkan");
        (await admin.Locator($"li[data-listing='{held}']").CountAsync()).Should().Be(1, "the listing is back in the queue");
        csp.Seen.Should().BeEmpty();
    }

    /// <summary>A draft whose photo is drawn as the demo's are, stored through the image store.</summary>
    private async Task<long> DrawnAsync(PolicyScenario scenario, int seller, string category, string title, ProductOrigin origin, string cluster)
    {
        var id = await scenario.CreateDraftAsync(seller, category, title, origin: origin, description: "Motif klasik, dibuat dengan teliti.", withPhoto: false);
        using var scope = site.App.Services.CreateScope();
        var stored = (await scope.ServiceProvider.GetRequiredService<ImageStore>().SaveAsync("demo.webp", DemoPhotos.Draw(id, category, cluster), seller, CancellationToken.None)).Image!;
        return await scenario.WithDbAsync(async db =>
        {
            var listing = await db.Listings.Include(l => l.Images).SingleAsync(l => l.Id == id);
            listing.AddImage(stored.Name, stored.ContentType);
            await db.SaveChangesAsync();
            return id;
        });
    }
}

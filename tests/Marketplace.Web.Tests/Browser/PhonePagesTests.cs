using System.Text.RegularExpressions;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>
/// Every page a shopper, a seller and an admin can reach by following the site's own links, opened on a 390-pixel phone:
/// none scrolls sideways, every control is big enough to tap, and each leaves a screenshot in TestResults/screenshots.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class PhonePagesTests(PhonePagesTests.Fixture fixture) : IClassFixture<PhonePagesTests.Fixture>, IAsyncLifetime
{
    /// <summary>Enough for every kind of page of a role; pages differing only by an id or a slug count once.</summary>
    private const int MostPagesPerRole = 45;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        fixture.Csp.Seen.Should().BeEmpty("the pages run under the Content-Security-Policy without a violation");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_page_a_shopper_reaches_fits_a_phone()
    {
        var page = await PhoneAsync();
        await PageChecks.SignInAsync(page, fixture.App, Fixture.ShopperEmail);
        await page.GotoAsync($"/p/{fixture.Coffee}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah ke keranjang" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Cart$"));

        var visited = await SweepAsync(page, "shopper", ["/", "/Cart", "/Checkout", "/Orders", "/Account/Manage", "/OpenShop"], path => !path.StartsWith("/Seller", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("/Admin", StringComparison.OrdinalIgnoreCase));

        visited.Should().Contain(["/", "/Search", "/c/*", "/p/*", "/s/*", "/Cart", "/Checkout", "/Orders", "/Orders/*", "/OpenShop", "/Account/Notifications"]);
    }

    [Fact]
    public async Task Every_page_a_visitor_reaches_before_signing_in_fits_a_phone()
    {
        var page = await PhoneAsync();
        var visited = await SweepAsync(page, "visitor", ["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/no-such-page"], path => path.StartsWith("/Account", StringComparison.OrdinalIgnoreCase) || path == "/no-such-page");

        visited.Should().Contain(["/Account/Login", "/Account/Register", "/Account/ForgotPassword"]);
    }

    [Fact]
    public async Task Every_page_a_seller_reaches_fits_a_phone_and_the_menu_marks_where_they_are()
    {
        var page = await PhoneAsync();
        await PageChecks.SignInAsync(page, fixture.App, fixture.SellerEmail);

        var visited = await SweepAsync(page, "seller", ["/Seller"], path => path.StartsWith("/Seller", StringComparison.OrdinalIgnoreCase));

        visited.Should().Contain(["/Seller", "/Seller/Listings", "/Seller/Listings/Edit", "/Seller/Listings/Edit/*", "/Seller/Uploads", "/Seller/Orders", "/Seller/Orders/*", "/Seller/Orders/*/Label", "/Seller/Shop", "/Seller/Verification", "/Seller/Tokens", "/Seller/Notifications"]);
        await page.GotoAsync($"/Seller/Listings/Edit/{fixture.Refused}");
        (await page.Locator(".seller-nav [aria-current=page]").AllInnerTextsAsync()).Should().Equal(["Produk saya"], "the editor belongs to the products section");
        (await page.EvaluateAsync<double>("document.querySelector('.seller-nav').getBoundingClientRect().height")).Should().BeLessThan(60, "the seller menu is one row");
    }

    [Fact]
    public async Task Every_page_an_admin_reaches_fits_a_phone()
    {
        var page = await PhoneAsync();
        await PageChecks.SignInAsync(page, fixture.App, Fixture.AdminEmail);

        var visited = await SweepAsync(page, "admin", ["/Admin"], path => path.StartsWith("/Admin", StringComparison.OrdinalIgnoreCase));

        visited.Should().Contain(["/Admin", "/Admin/Clusters", "/Admin/Categories", "/Admin/Rules", "/Admin/Review", "/Admin/Sellers", "/Admin/Sellers/Detail", "/Admin/Verification", "/Admin/Audit"]);
    }

    [Fact]
    public async Task The_header_folds_into_a_menu_on_a_phone_and_opens_with_big_links()
    {
        var page = await PhoneAsync();
        await PageChecks.SignInAsync(page, fixture.App, Fixture.ShopperEmail);
        await page.GotoAsync("/");

        (await page.Locator("#site-menu").IsVisibleAsync()).Should().BeFalse("the links are folded behind the menu button");
        var tiles = page.Locator(".category-grid a");
        (await tiles.CountAsync()).Should().Be(8);
        (await page.EvaluateAsync<double>("document.querySelector('.category-grid').getBoundingClientRect().top")).Should().BeLessThan(PageChecks.PhoneHeight * 1.5, "the category tiles are near the top of home");

        await PageChecks.OpenMenuIfFoldedAsync(page);
        (await page.Locator("header .menu-toggle").GetAttributeAsync("aria-expanded")).Should().Be("true");
        var heights = await page.Locator("#site-menu a, #site-menu button").EvaluateAllAsync<double[]>("links => links.map(l => l.getBoundingClientRect().height)");
        heights.Should().NotBeEmpty().And.OnlyContain(h => h >= 43.5);
        string.Join(Environment.NewLine, await PageChecks.PhoneProblemsAsync(page)).Should().BeEmpty();
        await PageChecks.ScreenshotAsync(page, "phone-shopper-menu-open");
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await fixture.NewContextAsync(PageChecks.PhoneWidth, PageChecks.PhoneHeight);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Opens the start pages and every page their links lead to within the role's part of the site, checks each and saves a
    /// screenshot; returns the kinds of pages seen. Links that act (log out, language, downloads) are not followed.
    /// </summary>
    private static async Task<IReadOnlyCollection<string>> SweepAsync(IPage page, string role, IEnumerable<string> start, Func<string, bool> inScope)
    {
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        while (queue.Count > 0 && seen.Count < MostPagesPerRole)
        {
            var next = queue.Dequeue();
            var kind = Kind(next);
            if (!seen.Add(kind + " " + QueryShape(next)))
            {
                continue;
            }

            var response = await page.GotoAsync(next);
            var status = response?.Status ?? 0;
            if (status >= 500 || (status >= 400 && next != "/no-such-page"))
            {
                problems.Add($"{next} answered {status}");
                continue;
            }

            kinds.Add(kind);
            problems.AddRange(await PageChecks.PhoneProblemsAsync(page));
            await PageChecks.ScreenshotAsync(page, $"phone-{role}{kind.Replace('*', '_').Replace('/', '-')}{QueryShape(next)}");

            var origin = new Uri(page.Url);
            var hrefs = await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(l => l.href)");
            foreach (var href in hrefs)
            {
                if (!Uri.TryCreate(href, UriKind.Absolute, out var target) || target.Authority != origin.Authority)
                {
                    continue;
                }

                var path = target.AbsolutePath;
                if (inScope(path) && !NotFollowed(target))
                {
                    queue.Enqueue(target.PathAndQuery);
                }
            }
        }

        string.Join(Environment.NewLine, problems).Should().BeEmpty("every page reachable by the {0} should fit a {1}-pixel phone", role, PageChecks.PhoneWidth);
        return kinds;
    }

    private static bool NotFollowed(Uri target) =>
        target.Query.Contains("handler=", StringComparison.OrdinalIgnoreCase)
        || target.AbsolutePath.StartsWith("/images/", StringComparison.OrdinalIgnoreCase)
        || target.AbsolutePath.StartsWith("/Dev/", StringComparison.OrdinalIgnoreCase)
        || target.AbsolutePath.Equals("/Account/Logout", StringComparison.OrdinalIgnoreCase)
        || target.AbsolutePath.StartsWith("/Language", StringComparison.OrdinalIgnoreCase);

    /// <summary>A page's kind: its path with ids, order numbers and the slugs of products, shops and categories as '*'.</summary>
    private static string Kind(string pathAndQuery)
    {
        var path = pathAndQuery.Split('?')[0].TrimEnd('/');
        path = Slugged().Replace(path, "/$1/*");
        path = Ids().Replace(path, "/*");
        return path.Length == 0 ? "/" : path;
    }

    /// <summary>The names of a URL's query parameters (the values of <c>tab</c> too): a filtered list is another kind of page.</summary>
    private static string QueryShape(string pathAndQuery)
    {
        var query = pathAndQuery.Contains('?', StringComparison.Ordinal) ? pathAndQuery[(pathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;
        var names = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.StartsWith("tab=", StringComparison.OrdinalIgnoreCase) ? p : p.Split('=')[0])
            .Where(n => !n.Equals("p", StringComparison.OrdinalIgnoreCase) && !n.Equals("returnUrl", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var shape = string.Join("_", names);
        return shape.Length == 0 ? string.Empty : "-" + shape.Replace('=', '-');
    }

    [GeneratedRegex("^/(c|s|p)/[^/]+", RegexOptions.IgnoreCase)]
    private static partial Regex Slugged();

    [GeneratedRegex("/(\\d+|MP-[A-Z0-9-]+)(?=/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Ids();

    public sealed class Fixture : BrowserFixture
    {
        public const string ShopperEmail = "pembeli.ponsel.semua@example.id";
        public const string AdminEmail = "admin.ponsel@example.id";

        public string SellerEmail { get; private set; } = string.Empty;

        public long Coffee { get; private set; }

        /// <summary>The cross-border seller's batik listing the policy refused.</summary>
        public long Refused { get; private set; }

        protected override async Task SeedAsync(MarketplaceApp app)
        {
            var portal = new SellerPortal(app);
            var scenario = portal.Scenario;
            var (foreign, foreignEmail) = await scenario.CreateSellerWithLoginAsync(SellerOrigin.CrossBorder, "CN");
            SellerEmail = foreignEmail;
            var phone = await scenario.CreatePublishedAsync(foreign, PolicyScenario.Smartphones, "Smartphone 5G 8/256 Layar Lebar", ProductOrigin.Imported);
            Refused = await scenario.CreateDraftAsync(foreign, PolicyScenario.Textile, "Kain Batik Cap Impor Motif Parang", origin: ProductOrigin.Imported);
            (await scenario.PublishAsync(Refused)).State.Should().Be(ListingState.Rejected);
            var waiting = await scenario.CreateDraftAsync(foreign, PolicyScenario.PhoneCases, "Casing HP Motif B4tik Parang <Premium>", origin: ProductOrigin.Imported, description: "Cocok untuk penggemar kain batik & kopi.");
            (await scenario.PublishAsync(waiting)).State.Should().Be(ListingState.PendingReview);

            var local = await scenario.CreateSellerAsync(SellerOrigin.Local);
            Coffee = await scenario.CreatePublishedAsync(local, PolicyScenario.Coffee, "Kopi Gayo Arabika Sangrai Sedang 250 g");
            await scenario.CreatePublishedAsync(local, PolicyScenario.Rattan, "Tas Anyaman Rotan Lombok Motif Tradisional");
            await scenario.CreateSellerAsync(SellerOrigin.Local, verified: false);

            await TestUsers.CreateAsync(app, AdminEmail, Roles.Admin);
            var shopper = await TestUsers.CreateAsync(app, ShopperEmail, Roles.Shopper);
            await portal.OrderForAsync(shopper.Id, (phone, 1), (Coffee, 2));
        }
    }
}

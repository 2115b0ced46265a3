using System.Text.RegularExpressions;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>
/// The marketplace's loop closed in a real browser, on a phone and on a laptop, in Indonesian and in English: a shopper
/// buys by bank transfer and pays through the sandbox, the seller prints the label and ships, the shopper sees the
/// tracking number; and a new user opens a shop from the header. Each step is a method of <see cref="Journey"/>, so a
/// step added later (choosing a variant, leaving a review) goes in its place in the order.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MarketplaceJourneyTests(MarketplaceJourneyTests.Fixture fixture) : IClassFixture<MarketplaceJourneyTests.Fixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        fixture.Csp.Seen.Should().BeEmpty("the pages run under the Content-Security-Policy without a violation");
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(PageChecks.PhoneWidth, "id")]
    [InlineData(PageChecks.DesktopWidth, "en")]
    [InlineData(PageChecks.PhoneWidth, "en")]
    [InlineData(PageChecks.DesktopWidth, "id")]
    public async Task A_shopper_pays_a_bank_transfer_in_the_sandbox_the_seller_prints_the_label_and_ships_and_the_shopper_sees_the_tracking(int width, string language)
    {
        var journey = await Journey.StartAsync(fixture, width, language);
        var shopperEmail = $"pembeli-{language}-{width}-{Guid.NewGuid():N}@example.id";
        await TestUsers.CreateAsync(fixture.App, shopperEmail, Roles.Shopper);
        var shopper = await journey.PersonAsync(shopperEmail);

        await journey.OpenProductAsync(shopper, fixture.Listing);
        await journey.AddToCartAsync(shopper);
        var number = await journey.CheckOutByBankTransferAsync(shopper);
        await journey.PayInSandboxAsync(shopper, number);

        var seller = await journey.PersonAsync(fixture.SellerEmail);
        await journey.PrintLabelAsync(seller, number);
        var tracking = await journey.PackAndShipAsync(seller, number);

        await journey.SeeTrackingAsync(shopper, number, tracking);
    }

    [Theory]
    [InlineData(PageChecks.PhoneWidth, "id")]
    [InlineData(PageChecks.DesktopWidth, "en")]
    public async Task A_new_user_becomes_a_seller_from_the_header_and_sees_what_to_do_next(int width, string language)
    {
        var journey = await Journey.StartAsync(fixture, width, language);
        var email = $"calon-penjual-{language}-{width}-{Guid.NewGuid():N}@example.id";
        var person = await journey.RegisterAsync(email);

        await journey.StartSellingFromHeaderAsync(person);
        await journey.OpenShopAsync(person, language == "id" ? "Keripik Tempe Bu Sri" : "Bu Sri's Tempeh Chips");
    }

    /// <summary>The steps of the journeys, each checking what a person would see before moving on.</summary>
    private sealed class Journey
    {
        private readonly Fixture _fixture;
        private readonly int _width;
        private readonly string _language;

        private Journey(Fixture fixture, int width, string language)
        {
            _fixture = fixture;
            _width = width;
            _language = language;
        }

        private bool Phone => _width == PageChecks.PhoneWidth;

        private string Shot => $"{(Phone ? "phone" : "desktop")}-{_language}";

        public static Task<Journey> StartAsync(Fixture fixture, int width, string language) => Task.FromResult(new Journey(fixture, width, language));

        /// <summary>A browser of its own for one person, signed in, in the journey's language.</summary>
        public async Task<IPage> PersonAsync(string email)
        {
            var page = await NewPageAsync();
            await PageChecks.SignInAsync(page, _fixture.App, email);
            await PageChecks.UseLanguageAsync(page, _language);
            return page;
        }

        public async Task<IPage> RegisterAsync(string email)
        {
            var page = await NewPageAsync();
            await page.GotoAsync("/");
            await PageChecks.UseLanguageAsync(page, _language);
            await PageChecks.RegisterAsync(page, "Sri Wahyuni", email, "tempe-renyah-2026");
            return page;
        }

        public async Task OpenProductAsync(IPage page, long listing)
        {
            await page.GotoAsync($"/p/{listing}");
            await CheckAsync(page, "product");
        }

        public async Task AddToCartAsync(IPage page)
        {
            await page.ClickAsync("main form.add-to-cart button[type=submit]");
            await page.WaitForURLAsync(new Regex("/Cart$"));
            await CheckAsync(page, "cart");
            await page.ClickAsync("main a[href='/Checkout']");
            await page.WaitForURLAsync(new Regex("/Checkout$"));
        }

        public async Task<string> CheckOutByBankTransferAsync(IPage page)
        {
            await page.FillAsync("input[name='Input.RecipientName']", "Cut Nyak Dien");
            await page.FillAsync("input[name='Input.Phone']", "0811-6800-123");
            await page.FillAsync("textarea[name='Input.Street']", "Jl. Teuku Umar 7, Gampong Baro");
            await page.FillAsync("input[name='Input.City']", "Banda Aceh");
            await page.SelectOptionAsync("select[name='Input.Province']", "Aceh");
            await page.FillAsync("input[name='Input.PostalCode']", "23116");
            await page.CheckAsync("#payment-BankTransfer");
            await CheckAsync(page, "checkout");
            await page.ClickAsync("main form.checkout button[type=submit]");
            await page.WaitForURLAsync(new Regex("/Checkout/Confirmation/MP-"));

            var panel = page.Locator(".payment-panel");
            (await panel.GetAttributeAsync("data-payment-status")).Should().Be("AwaitingPayment");
            (await panel.Locator(".va-number").InnerTextAsync()).Should().MatchRegex("^[0-9]{16}$", "the shopper is told the virtual account to pay into");
            (await panel.Locator(".countdown").InnerTextAsync()).Should().MatchRegex("^2[34]:[0-5][0-9]:[0-5][0-9]$");
            (await page.Locator("main").InnerTextAsync()).Should().Contain(_language == "id" ? "Menunggu pembayaran" : "Waiting for payment");
            await CheckAsync(page, "confirmation");
            return await page.Locator(".order-number").InnerTextAsync();
        }

        public async Task PayInSandboxAsync(IPage page, string number)
        {
            await page.GotoAsync($"/Orders/{number}");
            await page.ClickAsync(".sandbox-pay button[type=submit]");
            await page.Locator(".payment-paid").WaitForAsync();
            (await page.Locator(".order-stage").GetAttributeAsync("data-stage")).Should().NotBe("AwaitingPayment");
            await CheckAsync(page, "paid");
        }

        public async Task PrintLabelAsync(IPage page, string number)
        {
            await page.GotoAsync("/Seller/Orders");
            await page.Locator($"main a[href$='/Seller/Orders/{number}']").First.ClickAsync();
            await page.WaitForURLAsync(new Regex($"/Seller/Orders/{number}$"));
            (await page.Locator(".recipient").InnerTextAsync()).Should().Contain("Cut Nyak Dien").And.Contain("23116");
            await CheckAsync(page, "seller-order");

            var label = await page.Context.RunAndWaitForPageAsync(() => page.ClickAsync("#print-label"));
            await label.WaitForLoadStateAsync();
            (await label.Locator(".label").InnerTextAsync()).Should().Contain(number).And.Contain("Cut Nyak Dien");
            (await label.Locator(".label-code svg").CountAsync()).Should().Be(1, "the label carries the order number as a code");
            await PageChecks.ScreenshotAsync(label, $"journey-{Shot}-label");
            await label.CloseAsync();
        }

        public async Task<string> PackAndShipAsync(IPage page, string number)
        {
            await page.ClickAsync($"form:has(input[name=move][value=Pack]) button[type=submit]");
            await page.Locator("form.ship-form").WaitForAsync();
            var tracking = "JNE" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
            await page.SelectOptionAsync("form.ship-form select[name=courier]", new SelectOptionValue { Index = 1 });
            await page.FillAsync("form.ship-form input[name=trackingNumber]", tracking);
            await page.ClickAsync("form.ship-form button[type=submit]");
            await page.Locator(".seller-order-lines .tracking").WaitForAsync();
            (await page.Locator(".seller-order-lines li").GetAttributeAsync("data-status")).Should().Be("Shipped");
            (await page.Locator("#done").CountAsync()).Should().Be(1, "the seller is told the step was done");
            page.Url.Should().EndWith($"/Seller/Orders/{number}");
            await CheckAsync(page, "shipped");
            return tracking;
        }

        public async Task SeeTrackingAsync(IPage page, string number, string tracking)
        {
            await page.GotoAsync("/Orders");
            await page.Locator($"main a[href='/Orders/{number}']").First.ClickAsync();
            await page.WaitForURLAsync(new Regex($"/Orders/{number}$"));
            (await page.Locator(".tracking").InnerTextAsync()).Should().Contain(tracking);
            await CheckAsync(page, "tracking");
        }

        public async Task StartSellingFromHeaderAsync(IPage page)
        {
            await page.GotoAsync("/");
            await PageChecks.OpenMenuIfFoldedAsync(page);
            await page.ClickAsync("header a.start-selling");
            await page.WaitForURLAsync(new Regex("/OpenShop$"));
            await CheckAsync(page, "open-shop");
        }

        public async Task OpenShopAsync(IPage page, string name)
        {
            await page.FillAsync("input[name='Input.StoreName']", name);
            var slug = await page.InputValueAsync("input[name='Input.Slug']");
            slug.Should().MatchRegex("^[a-z0-9-]+$").And.Contain("sri", "the shop link follows the name");
            (await page.Locator(".shop-link-prefix").InnerTextAsync()).Should().Be("pasarumkm.id/s/");
            await page.CheckAsync("#origin-local");
            (await page.InputValueAsync("select[name='Input.CountryCode']")).Should().Be("ID");
            await page.SelectOptionAsync("select[name='Input.Province']", "Jawa Timur");
            await page.FillAsync("input[name='Input.City']", "Malang");
            await page.FillAsync("input[name='Input.ContactEmail']", "halo@" + slug + ".id");
            await page.FillAsync("input[name='Input.ContactPhone']", "0812-3456-7890");
            await CheckAsync(page, "open-shop-filled");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Seller");

            var welcome = page.Locator(".shop-opened");
            (await welcome.InnerTextAsync()).Should().Contain(name);
            (await welcome.Locator("a[href='/Seller/Listings/Edit']").CountAsync()).Should().Be(1, "the first step is adding a product");
            (await welcome.Locator("a[href='/Seller/Verification']").CountAsync()).Should().Be(1, "the next is verifying the shop");
            await CheckAsync(page, "shop-opened");
        }

        private async Task<IPage> NewPageAsync()
        {
            var context = await _fixture.NewContextAsync(_width, Phone ? PageChecks.PhoneHeight : PageChecks.DesktopHeight);
            return await context.NewPageAsync();
        }

        /// <summary>Every page of the journey is in the journey's language, fits a phone when on one, and leaves a screenshot.</summary>
        private async Task CheckAsync(IPage page, string step)
        {
            (await page.Locator("html").GetAttributeAsync("lang")).Should().Be(_language);
            if (Phone)
            {
                string.Join(Environment.NewLine, await PageChecks.PhoneProblemsAsync(page)).Should().BeEmpty();
            }

            await PageChecks.ScreenshotAsync(page, $"journey-{Shot}-{step}");
        }
    }

    public sealed class Fixture : BrowserFixture
    {
        public string SellerEmail { get; private set; } = string.Empty;

        public long Listing { get; private set; }

        protected override async Task SeedAsync(MarketplaceApp app)
        {
            var scenario = new Policy.PolicyScenario(app);
            var (seller, email) = await scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
            SellerEmail = email;
            Listing = await scenario.CreatePublishedAsync(seller, Policy.PolicyScenario.Coffee, "Kopi Gayo Arabika Giling 250 g");
        }
    }
}

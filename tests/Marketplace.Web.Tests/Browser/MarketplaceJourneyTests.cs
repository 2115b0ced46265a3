using System.Text.RegularExpressions;
using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>
/// The marketplace's loop closed in a real browser, on a phone and on a laptop, in Indonesian and in English: a shopper
/// chooses a size, buys by bank transfer and pays through the sandbox, the seller prints the label (with the size) and
/// books the courier, the shopper sees the resi once the courier picks the parcel up, the sandbox courier's tracking
/// events deliver it and the shopper reviews it and finds the review on the product page; and a new user opens a shop from the header. Each step is a method of
/// <see cref="Journey"/>, and every page a step opens is checked for sideways scrolling and leaves a screenshot.
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
    public async Task A_shopper_buys_a_size_by_bank_transfer_the_seller_books_the_courier_the_parcel_is_delivered_and_the_shopper_sees_tracking_and_reviews_it(int width, string language)
    {
        var journey = await Journey.StartAsync(fixture, width, language);
        var listing = await fixture.ShirtInSizesAsync();
        var shopperEmail = $"pembeli-{language}-{width}-{Guid.NewGuid():N}@example.id";
        await TestUsers.CreateAsync(fixture.App, shopperEmail, Roles.Shopper);
        var shopper = await journey.PersonAsync(shopperEmail);

        await journey.OpenProductAsync(shopper, listing);
        await journey.ChooseSizeAsync(shopper, Fixture.Size);
        await journey.AddToCartAsync(shopper, Fixture.Size);
        var number = await journey.CheckOutByBankTransferAsync(shopper, Fixture.Size);
        await journey.PayInSandboxAsync(shopper, number, Fixture.Size);

        var seller = await journey.PersonAsync(fixture.SellerEmail);
        await journey.PrintLabelAsync(seller, number, Fixture.Size);
        var tracking = await journey.BookCourierAsync(seller, number);
        await journey.PickUpAsync(seller);

        await journey.SeeTrackingAsync(shopper, number, tracking);
        await journey.DeliverAsync(seller, number);
        var review = language == "id" ? "Batiknya halus, ukuran L pas di badan." : "Fine batik, the L fits well.";
        await journey.ReviewAsync(shopper, number, 4, review);
        await journey.SeeReviewOnProductAsync(shopper, listing, review);
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

        /// <summary>Picks a size by its name in the product page's picker; the first size in stock comes chosen, so this is a change.</summary>
        public async Task ChooseSizeAsync(IPage page, string size)
        {
            (await page.Locator(".reviews").InnerTextAsync()).Should().Contain(_language == "id" ? "Belum ada ulasan" : "No reviews yet");
            var option = page.Locator(".variant-option", new PageLocatorOptions { HasText = size }).Locator("input[type=radio]");
            (await option.IsCheckedAsync()).Should().BeFalse("the first size in stock comes chosen, and the shopper wants another");
            await option.CheckAsync();
            await CheckAsync(page, "product-size");
        }

        public async Task AddToCartAsync(IPage page, string size)
        {
            await page.ClickAsync("main form.add-to-cart button[type=submit]:not(.buy-now)");
            await page.WaitForURLAsync(new Regex("/Cart$"));
            (await page.Locator(".cart-line .variant-label").InnerTextAsync()).Should().Be(size);
            await CheckAsync(page, "cart");
            await page.ClickAsync("main a[href='/Checkout']");
            await page.WaitForURLAsync(new Regex("/Checkout$"));
        }

        public async Task<string> CheckOutByBankTransferAsync(IPage page, string size)
        {
            (await page.Locator("main .summary-box .order-part").InnerTextAsync()).Should().Contain($"{Fixture.Title} ({size})");
            await page.FillAsync("input[name='Input.RecipientName']", "Cut Nyak Dien");
            await page.FillAsync("input[name='Input.Phone']", "0811-6800-123");
            await page.FillAsync("textarea[name='Input.Street']", "Jl. Teuku Umar 7, Gampong Baro");
            await page.FillAsync("input[name='Input.City']", "Banda Aceh");
            await page.SelectOptionAsync("select[name='Input.Province']", "Aceh");
            await page.FillAsync("input[name='Input.PostalCode']", "23116");
            await page.ClickAsync("main form.checkout button.quote-shipping");
            await page.Locator(".courier-part input[type=radio]:checked").WaitForAsync();
            await page.CheckAsync("#payment-BankTransfer");
            await CheckAsync(page, "checkout");
            await page.ClickAsync("main form.checkout button[type=submit]:not([formaction])");
            await page.WaitForURLAsync(new Regex("/Checkout/Confirmation/MP-"));

            var panel = page.Locator(".payment-panel");
            (await panel.GetAttributeAsync("data-payment-status")).Should().Be("AwaitingPayment");
            (await panel.Locator(".va-number").InnerTextAsync()).Should().MatchRegex("^[0-9]{16}$", "the shopper is told the virtual account to pay into");
            (await panel.Locator(".countdown").InnerTextAsync()).Should().MatchRegex("^2[34]:[0-5][0-9]:[0-5][0-9]$");
            (await page.Locator("main").InnerTextAsync()).Should().Contain(_language == "id" ? "Menunggu pembayaran" : "Waiting for payment");
            (await page.Locator(".order-details .variant-label").InnerTextAsync()).Should().Be(size);
            await CheckAsync(page, "confirmation");
            return await page.Locator(".order-number").InnerTextAsync();
        }

        public async Task PayInSandboxAsync(IPage page, string number, string size)
        {
            await page.GotoAsync($"/Orders/{number}");
            await page.ClickAsync(".sandbox-pay button[type=submit]");
            await page.Locator(".payment-paid").WaitForAsync();
            (await page.Locator(".order-stage").GetAttributeAsync("data-stage")).Should().NotBe("AwaitingPayment");
            (await page.Locator(".order-details .variant-label").InnerTextAsync()).Should().Be(size);
            await CheckAsync(page, "paid");
        }

        public async Task PrintLabelAsync(IPage page, string number, string size)
        {
            await page.GotoAsync("/Seller/Orders");
            await CheckAsync(page, "seller-orders");
            await page.Locator($"main a[href$='/Seller/Orders/{number}']").First.ClickAsync();
            await page.WaitForURLAsync(new Regex($"/Seller/Orders/{number}$"));
            (await page.Locator(".recipient").InnerTextAsync()).Should().Contain("Cut Nyak Dien").And.Contain("23116");
            (await page.Locator(".seller-order-lines .variant-label").InnerTextAsync()).Should().Be(size);
            await CheckAsync(page, "seller-order");

            var label = await page.Context.RunAndWaitForPageAsync(() => page.ClickAsync("#print-label"));
            await label.WaitForLoadStateAsync();
            (await label.Locator(".label").InnerTextAsync()).Should().Contain(number).And.Contain("Cut Nyak Dien");
            (await label.Locator(".label-items").InnerTextAsync()).Should().Contain($"1 × {Fixture.Title} ({size})");
            (await label.Locator(".label-code svg").CountAsync()).Should().Be(1, "the label carries the order number as a code");
            await CheckAsync(label, "label");
            await label.CloseAsync();
        }

        /// <summary>The seller books the courier the shopper chose at checkout, and the courier's resi becomes the parcel's tracking number.</summary>
        public async Task<string> BookCourierAsync(IPage page, string number)
        {
            await page.ClickAsync("#book-courier");
            await page.Locator(".parcel-tracking").WaitForAsync();
            var tracking = (await page.Locator(".parcel-tracking .resi").InnerTextAsync()).Trim();
            (await page.Locator("#done").InnerTextAsync()).Should().Contain(tracking, "the seller is told the resi");
            page.Url.Should().EndWith($"/Seller/Orders/{number}");
            await CheckAsync(page, "booked");
            return tracking;
        }

        /// <summary>The sandbox courier's pickup: the line is shipped under the resi.</summary>
        public async Task PickUpAsync(IPage page)
        {
            await page.ClickAsync("#next-tracking-event");
            await page.Locator(".seller-order-lines li[data-status=Shipped]").WaitForAsync();
            await CheckAsync(page, "shipped");
        }

        public async Task SeeTrackingAsync(IPage page, string number, string tracking)
        {
            await page.GotoAsync("/Orders");
            await page.Locator($"main a[href='/Orders/{number}']").First.ClickAsync();
            await page.WaitForURLAsync(new Regex($"/Orders/{number}$"));
            (await page.Locator(".order-details .tracking").InnerTextAsync()).Should().Contain(tracking);
            await CheckAsync(page, "tracking");
        }

        /// <summary>The sandbox courier's next events, one click each, carry the parcel to the door; the line is delivered.</summary>
        public async Task DeliverAsync(IPage page, string number)
        {
            await page.GotoAsync($"/Seller/Orders/{number}");
            foreach (var stage in new[] { "InTransit", "OutForDelivery", "Delivered" })
            {
                await page.ClickAsync("#next-tracking-event");
                await page.Locator($".parcel-tracking[data-stage={stage}]").WaitForAsync();
            }

            (await page.Locator(".seller-order-lines li").GetAttributeAsync("data-status")).Should().Be("Delivered");
            await CheckAsync(page, "delivered");
        }

        /// <summary>From the order's page, the shopper gives the delivered line stars and words, and comes back to the order.</summary>
        public async Task ReviewAsync(IPage page, string number, int stars, string text)
        {
            await page.GotoAsync($"/Orders/{number}");
            (await page.Locator(".order-stage").GetAttributeAsync("data-stage")).Should().Be("Completed");
            await CheckAsync(page, "delivered-order");
            await page.ClickAsync("main a.write-review");
            await page.WaitForURLAsync(new Regex("/Orders/Review/[0-9]+$"));
            await CheckAsync(page, "review");
            await page.CheckAsync($"#rating-{stars}");
            await page.FillAsync("#review-text", text);
            await CheckAsync(page, "review-filled");
            await page.ClickAsync("main form.review-form button[type=submit]");
            await page.WaitForURLAsync(new Regex($"/Orders/{number}$"));
            (await page.Locator("#flash").InnerTextAsync()).Should().Be(_language == "id" ? "Terima kasih, ulasan Anda sudah tayang." : "Thank you, your review is published.");
            (await page.Locator("main a.write-review").CountAsync()).Should().Be(0, "a line is reviewed once");
            (await page.Locator("main .reviewed").CountAsync()).Should().Be(1);
            await CheckAsync(page, "reviewed");
        }

        /// <summary>The product page shows the review, and the average and count of the listing's reviews (this one alone).</summary>
        public async Task SeeReviewOnProductAsync(IPage page, long listing, string text)
        {
            await page.GotoAsync($"/p/{listing}");
            (await page.Locator(".reviews .review-text").InnerTextAsync()).Should().Be(text);
            (await page.Locator(".review-summary").InnerTextAsync()).Should().Be(_language == "id" ? "★ 4,0 dari 5 · 1 ulasan" : "★ 4.0 out of 5 · 1 review");
            (await page.Locator(".product-stats .rating").InnerTextAsync()).Should().Be(_language == "id" ? "★ 4,0 (1 ulasan)" : "★ 4.0 (1 review)");
            (await page.Locator(".product-stats .sold").InnerTextAsync()).Should().Be(_language == "id" ? "1 terjual" : "1 sold");
            await CheckAsync(page, "product-reviewed");
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

        public const string Title = "Kemeja Batik Parang Lengan Panjang";

        /// <summary>The size the shopper buys: not the first in stock, so the picker has to be used.</summary>
        public const string Size = "Ukuran: L";

        private int _seller;

        /// <summary>
        /// A shirt of the journey's own (so its reviews, sold count and stock are the journey's alone) in three sizes, S
        /// sold out; given its sizes as a draft and published through the policy.
        /// </summary>
        public async Task<long> ShirtInSizesAsync()
        {
            var scenario = new Policy.PolicyScenario(App);
            var id = await scenario.CreateDraftAsync(_seller, Policy.PolicyScenario.Textile, Title);
            await scenario.WithDbAsync(async db =>
            {
                var listing = await db.Listings.Include(l => l.Variants).SingleAsync(l => l.Id == id);
                listing.SetVariants(
                    [
                        new VariantDraft(null, new VariantOptions("Ukuran", "S"), new Rupiah(250_000), 0),
                        new VariantDraft(null, new VariantOptions("Ukuran", "M"), new Rupiah(250_000), 6),
                        new VariantDraft(null, new VariantOptions("Ukuran", "L"), new Rupiah(265_000), 4),
                    ],
                    scenario.Now);
                return await db.SaveChangesAsync();
            });
            var published = await scenario.PublishAsync(id);
            published.State.Should().Be(ListingState.Published, string.Join(", ", published.Verdict.ReasonCodes));
            return id;
        }

        protected override async Task SeedAsync(MarketplaceApp app)
        {
            var (seller, email) = await new Policy.PolicyScenario(app).CreateSellerWithLoginAsync(SellerOrigin.Local);
            _seller = seller;
            SellerEmail = email;
        }
    }
}

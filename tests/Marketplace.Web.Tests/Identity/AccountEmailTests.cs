using System.Net;
using Marketplace.Web.Data;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Identity;

/// <summary>Accounts with the production settings: confirmed e-mail before sign-in, and every account e-mail read from the outbox.</summary>
public sealed class AccountEmailTests(AccountEmailTests.Fixture fixture) : IClassFixture<AccountEmailTests.Fixture>
{
    private MarketplaceApp App => fixture.App;

    private TestOutbox Outbox => fixture.Outbox;

    [Fact]
    public async Task New_shopper_registers_confirms_from_the_emailed_link_and_signs_in()
    {
        var client = App.CreateBrowserClient();
        using var registered = await client.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Rina Wulandari",
            ["Input.Email"] = "rina@example.id",
            ["Input.Password"] = "mangga-manis-77",
            ["Input.ConfirmPassword"] = "mangga-manis-77",
        });
        registered.StatusCode.Should().Be(HttpStatusCode.Redirect);
        registered.Headers.Location!.OriginalString.Should().Be("/Account/RegisterConfirmation");

        using var beforeConfirming = await LogInAsync(client, "rina@example.id", "mangga-manis-77");
        beforeConfirming.StatusCode.Should().Be(HttpStatusCode.OK, "an unconfirmed account cannot sign in");

        var email = await Outbox.WaitForAsync("rina@example.id");
        email.Subject.Should().Be("Konfirmasi email Anda di Pasar UMKM");
        var confirmed = await client.GetDocumentAsync(TestOutbox.LinkIn(email));
        confirmed.QuerySelector(".alert-success").Should().NotBeNull();

        using var signedIn = await LogInAsync(client, "rina@example.id", "mangga-manis-77");
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var orders = await client.GetAsync("/Orders");
        orders.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Forgotten_password_is_reset_from_the_emailed_link()
    {
        await TestUsers.CreateAsync(App, "lupa@example.id", Roles.Shopper);
        var client = App.CreateBrowserClient();
        var login = await client.GetDocumentAsync("/Account/Login");
        login.QuerySelector("a[href='/Account/ForgotPassword']")!.TextContent.Should().Be("Lupa kata sandi?");

        using var asked = await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "lupa@example.id" });
        asked.StatusCode.Should().Be(HttpStatusCode.OK);
        var email = await Outbox.WaitForAsync("lupa@example.id");
        using var reset = await client.SubmitFormAsync(TestOutbox.LinkIn(email), new Dictionary<string, string>
        {
            ["Input.Email"] = "lupa@example.id",
            ["Input.Password"] = "nangka-baru-2026",
            ["Input.ConfirmPassword"] = "nangka-baru-2026",
        });
        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var withOld = await LogInAsync(App.CreateBrowserClient(), "lupa@example.id", TestUsers.Password);
        withOld.StatusCode.Should().Be(HttpStatusCode.OK);
        using var withNew = await LogInAsync(App.CreateBrowserClient(), "lupa@example.id", "nangka-baru-2026");
        withNew.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Signed_in_user_changes_email_once_the_new_address_confirms_and_changes_password()
    {
        await TestUsers.CreateAsync(App, "lama@example.id", Roles.Shopper);
        var client = await TestUsers.SignedInClientAsync(App, "lama@example.id");

        using var asked = await client.SubmitFormAsync("/Account/Manage", new Dictionary<string, string> { ["NewEmail.Email"] = "baru@example.id", ["NewEmail.Proof"] = TestUsers.Password }, "#email-form");
        asked.StatusCode.Should().Be(HttpStatusCode.Redirect, await asked.Content.ReadAsStringAsync());
        using var stillOld = await LogInAsync(App.CreateBrowserClient(), "lama@example.id", TestUsers.Password);
        stillOld.StatusCode.Should().Be(HttpStatusCode.Redirect, "the e-mail changes only once the new address confirms");

        var email = await Outbox.WaitForAsync("baru@example.id");
        var confirmed = await client.GetDocumentAsync(TestOutbox.LinkIn(email));
        confirmed.QuerySelector(".alert-success").Should().NotBeNull();
        var again = await TestUsers.SignedInClientAsync(App, "baru@example.id");

        using var changed = await again.SubmitFormAsync("/Account/Manage", new Dictionary<string, string>
        {
            ["NewPassword.CurrentPassword"] = TestUsers.Password,
            ["NewPassword.Password"] = "durian-montong-9",
            ["NewPassword.ConfirmPassword"] = "durian-montong-9",
        }, "#password-form");
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var withNew = await LogInAsync(App.CreateBrowserClient(), "baru@example.id", "durian-montong-9");
        withNew.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task New_order_emails_the_shopper_and_each_seller_in_their_own_language()
    {
        var data = new StorefrontData(App);
        var batikShop = await data.SellerAsync("batik-email", "Batik Surel");
        var coffeeShop = await data.SellerAsync("kopi-email", "Kopi Surel");
        var batik = await data.ListingAsync(batikShop, "batik-cap", "Kain Batik Parang", 200_000, stock: 5);
        var coffee = await data.ListingAsync(coffeeShop, "kopi-bubuk", "Kopi Toraja 250 g", 90_000, stock: 5);
        await TestUsers.CreateAsync(App, "pembeli.en@example.id", Roles.Shopper);
        await PreferAsync("pembeli.en@example.id", "en");
        await PreferAsync("kopi-email@toko.example.id", "en");
        var shopper = await TestUsers.SignedInClientAsync(App, "pembeli.en@example.id");
        await shopper.AddToCartAsync(batik, 2);
        await shopper.AddToCartAsync(coffee, 1);

        using var placed = await shopper.CheckOutAsync();
        placed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var number = placed.Headers.Location!.OriginalString.Split('/')[^1];

        var toShopper = await Outbox.WaitForAsync("pembeli.en@example.id", m => m.Subject != null && m.Subject.Contains(number, StringComparison.Ordinal));
        toShopper.Subject.Should().Be($"Order {number} received (cash on delivery)");
        toShopper.TextBody.Should().Contain("Kain Batik Parang").And.Contain("Kopi Toraja 250 g");
        var toBatik = await Outbox.WaitForAsync("batik-email@toko.example.id", m => m.Subject != null && m.Subject.Contains(number, StringComparison.Ordinal));
        toBatik.Subject.Should().Be($"Pesanan baru {number} untuk Batik Surel: bayar di tempat, kemas dan kirim");
        toBatik.TextBody.Should().Contain("Kain Batik Parang").And.NotContain("Kopi Toraja").And.Contain("Siti Rahayu");
        var toCoffee = await Outbox.WaitForAsync("kopi-email@toko.example.id", m => m.Subject != null && m.Subject.Contains(number, StringComparison.Ordinal));
        toCoffee.Subject.Should().Be($"New order {number} for Kopi Surel: cash on delivery, pack and ship");
        toCoffee.TextBody.Should().NotContain("Kain Batik Parang");
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private async Task PreferAsync(string email, string language)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language));
    }

    public sealed class Fixture : AppFixture
    {
        public TestOutbox Outbox { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(Outbox.Settings) { ["Identity:RequireConfirmedAccount"] = "true" };

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Outbox.Dispose();
        }
    }
}

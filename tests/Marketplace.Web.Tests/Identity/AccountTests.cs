using System.Net;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Identity;

public sealed class AccountTests(AccountTests.Fixture fixture) : IClassFixture<AccountTests.Fixture>
{
    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task Account_is_locked_after_the_configured_number_of_failed_log_ins()
    {
        var email = "dewi.lockout@example.id";
        await TestUsers.CreateAsync(App, email, Roles.Shopper);
        var client = App.CreateBrowserClient();

        for (var attempt = 1; attempt <= Fixture.MaxFailures; attempt++)
        {
            using var failed = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "salah-" + attempt + "-password",
            });
            failed.StatusCode.Should().Be(HttpStatusCode.OK, "a failed log-in shows the form again");
        }

        using var withRightPassword = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
        });

        withRightPassword.StatusCode.Should().Be(HttpStatusCode.OK, "a locked account cannot log in even with the right password");
        var page = await FormPost.ParseAsync(withRightPassword);
        page.QuerySelector(".alert-danger")!.TextContent.Should().Contain("dikunci");
        page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value").Should().Be(email, "what the user typed is kept");
    }

    [Fact]
    public async Task Log_in_succeeds_below_the_lockout_threshold()
    {
        var email = "budi.login@example.id";
        await TestUsers.CreateAsync(App, email, Roles.Shopper);
        var client = App.CreateBrowserClient();
        using var failed = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "bukan-kata-sandinya1",
        });
        var page = await FormPost.ParseAsync(failed);
        page.QuerySelector(".alert-danger")!.TextContent.Should().Contain("salah");

        using var ok = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
        });

        ok.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ok.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task Registration_makes_a_shopper_and_refuses_short_passwords()
    {
        var client = App.CreateBrowserClient();
        using var tooShort = await client.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Sari",
            ["Input.Email"] = "sari@example.id",
            ["Input.Password"] = "pendek12",
            ["Input.ConfirmPassword"] = "pendek12",
        });
        tooShort.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await FormPost.ParseAsync(tooShort);
        page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent.Should().Contain("10");
        page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value").Should().Be("sari@example.id");

        using var registered = await client.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Sari",
            ["Input.Email"] = "sari@example.id",
            ["Input.Password"] = "cukup-panjang-1",
            ["Input.ConfirmPassword"] = "cukup-panjang-1",
        });
        registered.StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var seller = await client.GetAsync("/Seller");
        seller.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a new account is a shopper, not a seller");
    }

    [Theory]
    [InlineData("/Seller")]
    [InlineData("/Admin")]
    public async Task Anonymous_visitor_is_sent_to_log_in_from_seller_and_admin_pages(string path)
    {
        using var response = await App.CreateBrowserClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/Account/Login");
        response.Headers.Location.Query.Should().Contain(Uri.EscapeDataString(path));
    }

    [Theory]
    [InlineData("/Seller")]
    [InlineData("/Admin")]
    public async Task Shopper_gets_403_on_seller_and_admin_pages(string path)
    {
        var email = $"shopper{path.Trim('/').ToLowerInvariant()}@example.id";
        await TestUsers.CreateAsync(App, email, Roles.Shopper);
        var client = await TestUsers.SignedInClientAsync(App, email);

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Admin_reaches_the_admin_console_and_a_seller_without_a_shop_is_sent_to_open_one()
    {
        await TestUsers.CreateAsync(App, "admin.console@example.id", Roles.Admin);
        await TestUsers.CreateAsync(App, "penjual.portal@example.id", Roles.Seller);

        using var admin = await (await TestUsers.SignedInClientAsync(App, "admin.console@example.id")).GetAsync("/Admin");
        using var seller = await (await TestUsers.SignedInClientAsync(App, "penjual.portal@example.id")).GetAsync("/Seller");

        admin.StatusCode.Should().Be(HttpStatusCode.OK);
        seller.StatusCode.Should().Be(HttpStatusCode.Redirect);
        seller.Headers.Location!.OriginalString.Should().Be("/OpenShop");
    }

    public sealed class Fixture : AppFixture
    {
        public const int MaxFailures = 3;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Identity:MaxFailedAccessAttempts"] = MaxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

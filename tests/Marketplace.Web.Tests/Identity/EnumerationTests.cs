using System.Net;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Identity;

/// <summary>Log-in, registration and password reset answer alike whether or not an e-mail has an account.</summary>
public sealed class EnumerationTests(EnumerationTests.Fixture fixture) : IClassFixture<EnumerationTests.Fixture>
{
    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task Log_in_answers_alike_for_known_and_unknown_emails_including_the_lockout()
    {
        await TestUsers.CreateAsync(App, "ada@example.id", Roles.Shopper);
        var known = await FailuresAsync("ada@example.id");
        var unknown = await FailuresAsync("tidak-ada@example.id");

        unknown.Should().Equal(known);
        known[0].Should().Contain("salah");
        known[^1].Should().Contain("dikunci");
    }

    [Fact]
    public async Task An_unconfirmed_account_answers_a_wrong_password_like_an_unknown_email_and_only_the_right_one_hears_confirm_first()
    {
        using (var registered = await RegisterAsync("belum.konfirmasi@example.id"))
        {
            registered.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var unconfirmed = await FailuresAsync("belum.konfirmasi@example.id");
        var unknown = await FailuresAsync("juga-tiada@example.id");

        unconfirmed.Should().Equal(unknown);
        using (await RegisterAsync("belum.konfirmasi2@example.id"))
        {
        }

        using var right = await App.CreateBrowserClient().SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "belum.konfirmasi2@example.id",
            ["Input.Password"] = "jambu-biji-merah-5",
        });
        (await FormPost.ParseAsync(right)).QuerySelector(".alert-danger")!.TextContent.Trim().Should().StartWith("Konfirmasi", "the owner, who knows the password, is told to confirm");
    }

    [Fact]
    public async Task Registering_a_known_email_answers_as_a_success_and_emails_the_owner()
    {
        await TestUsers.CreateAsync(App, "pemilik@example.id", Roles.Shopper);
        using var known = await RegisterAsync("pemilik@example.id");
        using var fresh = await RegisterAsync("pendatang@example.id");

        known.StatusCode.Should().Be(fresh.StatusCode).And.Be(HttpStatusCode.Redirect);
        known.Headers.Location.Should().Be(fresh.Headers.Location);
        var toOwner = await fixture.Outbox.WaitForAsync("pemilik@example.id");
        toOwner.Subject.Should().Be("Percobaan pendaftaran dengan email Anda");
        await fixture.Outbox.WaitForAsync("pendatang@example.id");
    }

    [Fact]
    public async Task Password_reset_answers_alike_for_known_and_unknown_emails()
    {
        await TestUsers.CreateAsync(App, "reset.ada@example.id", Roles.Shopper);
        var client = App.CreateBrowserClient();
        using var known = await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "reset.ada@example.id" });
        using var unknown = await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "reset.tiada@example.id" });

        (await FormPost.ParseAsync(known)).QuerySelector("main")!.TextContent.Should().Be((await FormPost.ParseAsync(unknown)).QuerySelector("main")!.TextContent);
        (await fixture.Outbox.WaitForAsync("reset.tiada@example.id")).Subject.Should().Be("Permintaan kata sandi baru di Pasar UMKM");
    }

    private async Task<List<string>> FailuresAsync(string email)
    {
        var client = App.CreateBrowserClient();
        var messages = new List<string>();
        for (var attempt = 0; attempt < Fixture.MaxFailures + 1; attempt++)
        {
            using var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "bukan-sandinya-" + attempt,
            });
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            messages.Add((await FormPost.ParseAsync(response)).QuerySelector(".alert-danger")!.TextContent.Trim());
        }

        return messages;
    }

    private Task<HttpResponseMessage> RegisterAsync(string email) =>
        App.CreateBrowserClient().SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Pendaftar",
            ["Input.Email"] = email,
            ["Input.Password"] = "jambu-biji-merah-5",
            ["Input.ConfirmPassword"] = "jambu-biji-merah-5",
        });

    public sealed class Fixture : AppFixture
    {
        public const int MaxFailures = 3;

        public TestOutbox Outbox { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(Outbox.Settings)
        {
            ["Identity:RequireConfirmedAccount"] = "true",
            ["Identity:MaxFailedAccessAttempts"] = MaxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Outbox.Dispose();
        }
    }
}

using System.Net;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Identity;

/// <summary>Failed log-ins are limited per client address and per account, counted in PostgreSQL, with 429 and Retry-After.</summary>
public sealed class LoginThrottleTests(LoginThrottleTests.Fixture fixture) : IClassFixture<LoginThrottleTests.Fixture>
{
    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task Failures_against_many_accounts_from_one_address_are_throttled_and_the_accounts_are_not_locked()
    {
        var emails = Enumerable.Range(1, Fixture.PerAddress + 1).Select(i => $"korban{i}@example.id").ToList();
        foreach (var email in emails)
        {
            await TestUsers.CreateAsync(App, email, Roles.Shopper);
        }

        var client = App.CreateBrowserClient();
        foreach (var email in emails.Take(Fixture.PerAddress))
        {
            using var failed = await LogInAsync(client, email, "tebakan-salah-1");
            failed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var throttled = await LogInAsync(client, emails[^1], TestUsers.Password);

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 15 * 60);
        (await FormPost.ParseAsync(throttled)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("Terlalu banyak");
    }

    [Fact]
    public async Task Failures_against_one_account_from_many_addresses_are_throttled_per_account_before_the_lockout()
    {
        await TestUsers.CreateAsync(App, "sasaran@example.id", Roles.Shopper);
        for (var i = 1; i <= Fixture.PerAccount; i++)
        {
            using var failed = await LogInAsync(App.CreateBrowserClient($"203.0.113.{i}"), "sasaran@example.id", "tebakan-salah-" + i);
            failed.StatusCode.Should().Be(HttpStatusCode.OK, "each address has failed once only");
        }

        using var throttled = await LogInAsync(App.CreateBrowserClient("198.51.100.77"), "sasaran@example.id", TestUsers.Password);

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the account has had its share of failures, whatever the address");
        int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 15 * 60);
        using var elsewhere = await LogInAsync(App.CreateBrowserClient("198.51.100.77"), "bebas@example.id", "tebakan-salah-0");
        elsewhere.StatusCode.Should().Be(HttpStatusCode.OK, "the new address may still try other accounts");
    }

    [Fact]
    public async Task Failures_from_one_address_are_throttled_per_address_and_other_addresses_may_still_sign_in()
    {
        var emails = Enumerable.Range(1, Fixture.PerAddress).Select(i => $"alamat{i}@example.id").ToList();
        await TestUsers.CreateAsync(App, "tetangga@example.id", Roles.Shopper);
        var attacker = App.CreateBrowserClient("192.0.2.66");
        foreach (var email in emails)
        {
            using var failed = await LogInAsync(attacker, email, "tebakan-salah-1");
            failed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var throttled = await LogInAsync(attacker, "tetangga@example.id", TestUsers.Password);
        using var neighbour = await LogInAsync(App.CreateBrowserClient("192.0.2.67"), "tetangga@example.id", TestUsers.Password);

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Headers.Contains("Retry-After").Should().BeTrue();
        neighbour.StatusCode.Should().Be(HttpStatusCode.Redirect, "the limit is the attacker's address, not the account");
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public sealed class Fixture : AppFixture
    {
        public const int PerAddress = 4;

        /// <summary>Below Identity's lockout (5 by default), so the throttle answers before the account locks.</summary>
        public const int PerAccount = 3;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["LoginThrottle:PerAddress"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LoginThrottle:PerAccount"] = PerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

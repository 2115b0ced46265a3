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

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public sealed class Fixture : AppFixture
    {
        public const int PerAddress = 4;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["LoginThrottle:PerAddress"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

using System.Diagnostics;
using System.Net;
using Marketplace.Web.Data;
using Marketplace.Web.Tests.Infrastructure;
using Npgsql;

namespace Marketplace.Web.Tests.Hosting;

/// <summary>
/// The site while its database is away: a host pointed at a port where nothing listens, since stopping the suite's shared
/// server would break every other class, and a private server takes minutes to migrate on this machine. Recovery after
/// the database returns is measured by tests/faults/import-under-faults.sh, which kills and restarts a real server.
/// </summary>
public sealed class OutageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task While_the_database_is_down_pages_the_api_and_health_answer_503_within_seconds_without_exception_text()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(fixture.App.ConnectionString) { Port = LocalPostgres.FreePort() }.ConnectionString;
        await using var app = new MarketplaceApp(unreachable, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });
        var indonesian = app.CreateClient();
        var english = app.CreateClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c=en-US|uic=en-US");

        var watch = Stopwatch.StartNew();
        using var page = await indonesian.GetAsync("/search?q=batik");
        var answeredIn = watch.Elapsed;
        using var englishPage = await english.GetAsync("/");
        using var health = await indonesian.GetAsync("/health");
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/seller/listings");
        api.Headers.Authorization = new("Bearer", "mp_any-token");
        using var apiResponse = await indonesian.SendAsync(api);

        (page.StatusCode, englishPage.StatusCode, health.StatusCode, apiResponse.StatusCode).Should().Be(
            (HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable));
        answeredIn.Should().BeLessThan(TimeSpan.FromSeconds(5), "a page answers within a few seconds, not after a 30-second timeout");
        var body = await page.Content.ReadAsStringAsync();
        body.Should().Contain("Sedang ada gangguan").And.NotContainAny("Exception", "Npgsql", "   at ");
        (await englishPage.Content.ReadAsStringAsync()).Should().Contain("Temporarily unavailable");
        page.Headers.RetryAfter!.Delta.Should().NotBeNull();
        apiResponse.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        apiResponse.Headers.RetryAfter!.Delta.Should().NotBeNull();
        (await apiResponse.Content.ReadAsStringAsync()).Should().Contain("\"status\":503").And.NotContain("Npgsql");
    }
}

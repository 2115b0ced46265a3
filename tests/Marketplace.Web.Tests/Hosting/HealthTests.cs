using System.Net;
using System.Text.Json;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Hosting;

public sealed class HealthTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Health_reports_the_database_as_healthy()
    {
        using var response = await fixture.App.CreateClient().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().Should().Be("Healthy");
        body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().Should().Be("Healthy");
    }

    [Fact]
    public async Task Health_reports_unhealthy_when_the_database_cannot_be_reached()
    {
        var unreachable = new Npgsql.NpgsqlConnectionStringBuilder(fixture.App.ConnectionString) { Port = Marketplace.Web.Data.LocalPostgres.FreePort(), Timeout = 2 }.ConnectionString;
        await using var app = new MarketplaceApp(unreachable, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false", ["Policy:ScheduledBlockPollSeconds"] = "3600" });

        using var response = await app.CreateClient().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().Should().Be("Unhealthy");
    }
}

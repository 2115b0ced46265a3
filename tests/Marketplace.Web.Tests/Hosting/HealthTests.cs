using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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

    [Fact]
    public async Task Health_answers_503_within_seconds_when_the_database_accepts_connections_but_never_answers()
    {
        // A server that took the connection and hangs (a frozen host, a half-dead network): the load balancer's check must
        // get an answer in time to drain the node, with the site's own connect timeout, not wait for ever.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var hanging = new Npgsql.NpgsqlConnectionStringBuilder(fixture.App.ConnectionString) { Port = port }.ConnectionString;
        await using var app = new MarketplaceApp(hanging, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false", ["Policy:ScheduledBlockPollSeconds"] = "3600" });
        var client = app.CreateClient();

        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync("/health");
        watch.Stop();

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "Database:ConnectTimeoutSeconds is 3");
    }

    [Fact]
    public async Task A_page_answers_503_while_no_host_of_a_failover_pair_is_the_primary()
    {
        // Both nodes of the pair away, as in the seconds before Patroni promotes the standby.
        var pair = new Npgsql.NpgsqlConnectionStringBuilder(fixture.App.ConnectionString)
        {
            Host = $"127.0.0.1:{Marketplace.Web.Data.LocalPostgres.FreePort()},127.0.0.1:{Marketplace.Web.Data.LocalPostgres.FreePort()}",
            TargetSessionAttributes = "primary",
            Timeout = 2,
        }.ConnectionString;
        await using var app = new MarketplaceApp(pair, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false", ["Policy:ScheduledBlockPollSeconds"] = "3600" });

        using var response = await app.CreateClient().GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
    }
}

using System.Net;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Marketplace.Web.Tests.Hosting;

/// <summary>Breaks its own database on purpose, so it has one of its own.</summary>
public sealed class RequestLogTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_request_that_throws_is_logged_once_as_500_against_its_own_route_without_its_query_string()
    {
        var events = new LogCollector();
        await using var app = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(events)));
        _ = app.Server;
        // The search's table goes missing under the site, so the search throws while the error page still renders.
        await using (var connection = new Npgsql.NpgsqlConnection(fixture.App.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand("ALTER TABLE listings RENAME TO listings_gone", connection);
            await drop.ExecuteNonQueryAsync();
        }

        using var response = await app.CreateClient().GetAsync("/Search?q=rahasia-pembeli");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var requests = events.Events.Where(e => e.Properties.ContainsKey("StatusCode") && e.Properties.ContainsKey("Elapsed")).ToList();
        var logged = requests.Should().ContainSingle("the /Error re-execution is not a second request").Subject;
        logged.Level.Should().Be(LogEventLevel.Error);
        logged.Exception.Should().NotBeNull();
        Scalar(logged, "StatusCode").Should().Be(500);
        Scalar(logged, "RequestPath").Should().Be("/Search");
        Scalar(logged, "RouteTemplate").Should().Be("Search");
        Scalar(logged, "TraceId").Should().NotBeNull();
        logged.Properties.Should().ContainKey("UserId");
        events.Events.Should().NotContain(e => e.RenderMessage(null).Contains("rahasia-pembeli", StringComparison.Ordinal)
            || e.Properties.Values.Any(v => v.ToString().Contains("rahasia-pembeli", StringComparison.Ordinal)));
    }

    private static object? Scalar(LogEvent logEvent, string property) => ((ScalarValue)logEvent.Properties[property]).Value;
}

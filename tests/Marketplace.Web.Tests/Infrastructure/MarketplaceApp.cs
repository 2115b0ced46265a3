using Marketplace.Web.Features.Verification;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>The real site, through its real pipeline, on a database of its own.</summary>
public sealed class MarketplaceApp(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>Every error the site logged, for a test to show beside its own failure.</summary>
    public LogCollector Errors { get; } = new(Serilog.Events.LogEventLevel.Error);

    /// <summary>The site's clock: the real one unless the test supplied its own.</summary>
    public TimeProvider Clock => clock ?? TimeProvider.System;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Marketplace", ConnectionString);
        builder.UseSetting("LocalPostgres:Enabled", "false");
        builder.UseSetting("DemoData:Enabled", "false");

        // Photos the tests store (every scenario listing has one) go to a temporary folder unless a fixture names its own.
        builder.UseSetting("Images:Directory", Path.Combine(Path.GetTempPath(), "marketplace-test-images"));
        builder.UseSetting("Identity:RequireConfirmedAccount", "false");
        builder.UseSetting("Logging:File", string.Empty);

        // Tests publish and search within milliseconds; a class that tests the ranking cache itself sets its own lifetime.
        builder.UseSetting("Search:RankingSeconds", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            services.AddSingleton<Serilog.Core.ILogEventSink>(Errors);

            // The business registry's sandbox is an endpoint of the site; in memory its client reaches it through the test server.
            services.AddHttpClient(HttpBusinessRegistry.ClientName)
                .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<IServer>() is TestServer server ? server.CreateHandler() : new SocketsHttpHandler());
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
    }

    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser client whose requests come from <paramref name="address"/>.</summary>
    public HttpClient CreateBrowserClient(string address)
    {
        var client = CreateBrowserClient();
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>The real site, through its real pipeline, on a database of its own.</summary>
public sealed class MarketplaceApp(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Marketplace", ConnectionString);
        builder.UseSetting("LocalPostgres:Enabled", "false");
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("Identity:RequireConfirmedAccount", "false");
        builder.UseSetting("Logging:File", string.Empty);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>The real site on Kestrel at a free loopback port, on a database of its own, for a real browser to visit.</summary>
public sealed class KestrelSite : IAsyncLifetime
{
    private MarketplaceApp? _app;

    public string ImageDirectory { get; } = Path.Combine(Path.GetTempPath(), "marketplace-browser-images-" + Guid.NewGuid().ToString("N"));

    public string BaseAddress { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync(nameof(KestrelSite));
        _app = new MarketplaceApp(connectionString, new Dictionary<string, string?> { ["Images:Directory"] = ImageDirectory });
        _app.UseKestrel(0);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (Directory.Exists(ImageDirectory))
        {
            Directory.Delete(ImageDirectory, recursive: true);
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>The real site served by Kestrel on a free loopback port, on a database of its own, for a real browser.</summary>
public sealed class AdminKestrelSite : IAsyncLifetime
{
    private MarketplaceApp? _app;

    public MarketplaceApp App => _app ?? throw new InvalidOperationException("The site is not started.");

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync(nameof(AdminKestrelSite));
        _app = new MarketplaceApp(connectionString);
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>One site and one database per test class.</summary>
public class AppFixture : IAsyncLifetime
{
    private MarketplaceApp? _app;

    public MarketplaceApp App => _app ?? throw new InvalidOperationException("The fixture is not initialised.");

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>A clock of the test's own, or null for the real one.</summary>
    protected virtual TimeProvider? OwnClock => null;

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync(GetType().Name);
        _app = new MarketplaceApp(connectionString, Settings, OwnClock);
        await StartAsync(_app);
        await SeedAsync(_app);
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Starts the site in memory; a fixture for a real browser starts it on a real port instead.</summary>
    protected virtual Task StartAsync(MarketplaceApp app)
    {
        _ = app.Server;
        return Task.CompletedTask;
    }

    /// <summary>Data that every test of the class only reads; a test that changes data makes its own.</summary>
    protected virtual Task SeedAsync(MarketplaceApp app) => Task.CompletedTask;
}

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
        _ = _app.Server;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>
/// What every test database starts with: whatever the site's own start-up puts in an empty database
/// (schema, roles, reference catalog), produced by starting the real site once against the template.
/// </summary>
internal static class TemplateContent
{
    public static async Task LoadAsync(string connectionString)
    {
        await using var app = new MarketplaceApp(connectionString);
        _ = app.Server;
    }
}

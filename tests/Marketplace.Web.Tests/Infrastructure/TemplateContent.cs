using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>What every test database starts with: the migrated schema and the reference catalogue the site seeds.</summary>
internal static class TemplateContent
{
    public static async Task LoadAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<MarketplaceDbContext>()
            .UseNpgsql(connectionString)
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .Options;
        await using var db = new MarketplaceDbContext(options);
        await db.Database.MigrateAsync();
    }
}

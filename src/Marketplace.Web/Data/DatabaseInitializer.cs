using Marketplace.Web.Data.Seed;
using Marketplace.Web.Features.Storefront;
using Marketplace.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Marketplace.Web.Data;

internal static class DatabaseInitializer
{
    public static async Task MigrateAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        // Without this, EF first queries a history table a new database lacks and logs that failure as an error.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
        await db.Database.MigrateAsync();
        await SearchRefolds.RunAsync(db, CancellationToken.None);
    }

    /// <summary>Migrates, loads the catalog when the database has none, ensures the configured admin and, when enabled, loads demo data.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, IConfiguration configuration)
    {
        if (!configuration.GetValue("Database:MigrateOnStartup", true))
        {
            return;
        }

        // Nodes starting together on an empty database take turns: the first migrates and seeds, the next finds it done.
        await using var startupLock = await StartupLock.AcquireAsync(services.GetRequiredService<NpgsqlDataSource>());
        await services.MigrateAsync();
        using (var scope = services.CreateScope())
        {
            await Roles.EnsureAsync(scope.ServiceProvider);
            await ReferenceCatalogSeeder.EnsureAsync(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
        }

        var adminEmail = configuration["Admin:Email"];
        var adminPassword = configuration["Admin:Password"];
        if (!string.IsNullOrWhiteSpace(adminEmail) && !string.IsNullOrWhiteSpace(adminPassword))
        {
            var errors = await AdminCommand.EnsureAdminAsync(services, adminEmail, adminPassword);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The configured admin could not be created: " + string.Join(" ", errors));
            }
        }

        if (configuration.GetValue("DemoData:Enabled", false))
        {
            using var scope = services.CreateScope();
            await DemoDataSeeder.SeedIfEmptyAsync(
                scope.ServiceProvider,
                configuration.GetValue("DemoData:Seed", 2021),
                configuration["DemoData:Password"] ?? DemoDataSeeder.DefaultPassword);
        }
    }
}

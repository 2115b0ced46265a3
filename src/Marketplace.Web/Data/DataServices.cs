using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Marketplace.Web.Data;

internal static class DataServices
{
    public const string ConnectionStringName = "Marketplace";

    /// <summary>
    /// The connection string from configuration, or a private PostgreSQL started from the machine's binaries
    /// when none is configured and "LocalPostgres:Enabled" allows it (the run command in development).
    /// </summary>
    public static async Task<string> ResolveConnectionStringAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (!builder.Configuration.GetValue("LocalPostgres:Enabled", false))
        {
            throw new MissingPrerequisiteException(
                $"No database configured. Set ConnectionStrings__{ConnectionStringName}, or LocalPostgres__Enabled=true to start a private PostgreSQL.");
        }

        var folder = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["LocalPostgres:DataDirectory"] ?? ".data/postgres");
        var port = builder.Configuration.GetValue("LocalPostgres:Port", 54329);
        var server = await LocalPostgres.StartAsync(folder, port, throwaway: false);
        await EnsureDatabaseExistsAsync(server.ConnectionString("postgres"), "marketplace");
        builder.Services.AddSingleton(server);
        builder.Services.AddHostedService<LocalPostgresLifetime>();
        return server.ConnectionString("marketplace");
    }

    public static async Task EnsureDatabaseExistsAsync(string maintenanceConnectionString, string database)
    {
        await using var connection = new NpgsqlConnection(maintenanceConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    public static IServiceCollection AddMarketplaceData(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        // Created through a factory so the container owns it and closes its connections when the host stops.
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(Tuned(connectionString, configuration)).Build());
        services.AddDbContextPool<MarketplaceDbContext>((provider, options) => UseMarketplace(options, provider.GetRequiredService<NpgsqlDataSource>()));

        var replicas = configuration.GetConnectionString(ReadReplicas.ConnectionStringName);
        services.AddSingleton(provider => new ReadReplicas(
            string.IsNullOrWhiteSpace(replicas) ? null : Tuned(replicas, configuration),
            provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<IDataProtectionProvider>(),
            provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));

        var dataProtection = services.AddDataProtection().SetApplicationName("Marketplace").PersistKeysToDbContext<MarketplaceDbContext>();
        var certificate = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificate))
        {
            // Keys at rest are then readable only by nodes holding this certificate's private key.
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificate, configuration["DataProtection:CertificatePassword"]));
        }

        services.AddHealthChecks().AddDbContextCheck<MarketplaceDbContext>("database");
        return services;
    }

    /// <summary>The options every context of this site uses, on the primary or on a replica.</summary>
    public static DbContextOptionsBuilder UseMarketplace(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) => options
        .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("ef_migrations_history"))
        // Bounded counts (count up to 1,001 rows) take an unordered prefix on purpose; EF would warn on every search.
        .ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));

    /// <summary>The connection settings this site runs with, unless the connection string names its own; replicas get the same.</summary>
    private static string Tuned(string connectionString, IConfiguration configuration)
    {
        // A small pool beat Npgsql's default of 100 on tail latency here: more connections than cores only share the cores.
        // Several web nodes share one database.
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            csb.MaxPoolSize = configuration.GetValue("Database:MaxPoolSize", 8);
        }

        // The storefront's statements repeat on every request: prepared once per connection, they skip planning (1-2 ms each).
        // Keeping them needs the connection's session kept too, so no DISCARD ALL on return to the pool; nothing here leaves
        // session state behind (temporary tables drop on commit, advisory locks are released explicitly).
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            csb.MaxAutoPrepare = configuration.GetValue("Database:MaxAutoPrepare", 64);
            csb.AutoPrepareMinUsages = 2;
        }

        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            csb.NoResetOnClose = true;
        }

        // A storefront query that stops after 24 rows still carries the estimated cost of walking its whole index, which is
        // above PostgreSQL's JIT threshold at a million listings: compiling it cost 180 ms per query for a 1 ms execution.
        if (string.IsNullOrEmpty(csb.Options))
        {
            csb.Options = "-c jit=off";
        }

        // An outage must answer within seconds, not after Npgsql's default of 15 s to connect; keepalives notice a server
        // that vanished under an idle connection. Commands keep 30 s: closing a large cluster decides a hundred thousand
        // listings in one statement, and publishing may wait that long for its lock.
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            csb.Timeout = configuration.GetValue("Database:ConnectTimeoutSeconds", 3);
            csb.CommandTimeout = configuration.GetValue("Database:CommandTimeoutSeconds", 30);
        }

        if (!connectionString.Contains("Keepalive", StringComparison.OrdinalIgnoreCase))
        {
            csb.KeepAlive = 5;
        }

        return csb.ConnectionString;
    }
}

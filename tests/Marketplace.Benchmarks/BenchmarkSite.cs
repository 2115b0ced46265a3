using Marketplace.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// The real site's start-up (migrations, reference catalog) on a PostgreSQL of the benchmark's own: a throwaway one, or in
/// <paramref name="keptFolder"/> one that is stopped but kept at the end and started again by the next run, so a benchmark
/// can reuse the millions of rows it loaded. With <paramref name="existingDatabase"/>, a node of a database that runs already
/// (the fault run's cluster), which takes none of the periodic jobs.
/// </summary>
internal sealed class BenchmarkSite(bool runImportWorker = false, string? keptFolder = null, string? existingDatabase = null) : WebApplicationFactory<Program>
{
    private readonly string _folder = keptFolder ?? Path.Combine(Path.GetTempPath(), "marketplace-bench-" + Guid.NewGuid().ToString("N"));
    private LocalPostgres? _server;

    public string ConnectionString { get; private set; } = string.Empty;

    public LocalPostgres Postgres => _server ?? throw new InvalidOperationException("The site is not started.");

    public async Task StartAsync()
    {
        if (existingDatabase is not null)
        {
            ConnectionString = existingDatabase;
            _ = Server;
            return;
        }

        _server = await LocalPostgres.StartAsync(Path.Combine(_folder, "data"), LocalPostgres.FreePort(), throwaway: true);
        await DataServices.EnsureDatabaseExistsAsync(_server.ConnectionString("postgres"), "bench");
        // The fault trials keep the site's own short timeouts, as production has them.
        ConnectionString = runImportWorker
            ? _server.ConnectionString("bench")
            : new NpgsqlConnectionStringBuilder(_server.ConnectionString("bench")) { CommandTimeout = 600 }.ConnectionString;
        _ = Server;
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task StopAsync()
    {
        await DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await _server.StopAsync(immediate: keptFolder is null);
        }

        if (keptFolder is null && existingDatabase is null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot("src/Marketplace.Web");
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Marketplace", ConnectionString);
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("Policy:ScheduledBlockPollSeconds", "3600");

        // The compliance benchmark runs the rollup itself, and leaves a whole closed day more to count live than the site
        // would (a day's grace instead of an hour's), so its timing covers the report's slowest hour of the day.
        builder.UseSetting("Enforcement:ComplianceRollupSeconds", "86400");
        builder.UseSetting("Enforcement:ComplianceRollupGraceMinutes", "1440");

        // The CSV benchmark runs imports itself, timed; the site's own worker stays idle unless the fault trials need it.
        builder.UseSetting("Imports:PollMilliseconds", runImportWorker ? "500" : "3600000");
        builder.UseSetting("Jobs:PeriodicOnThisNode", existingDatabase is null ? "true" : "false");
    }
}

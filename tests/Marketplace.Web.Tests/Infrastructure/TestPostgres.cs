using Marketplace.Web.Data;
using Npgsql;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run: a throwaway one started from the machine's binaries in a temporary
/// folder (stopped and removed when the run ends), or the server named by MARKETPLACE_TEST_POSTGRES.
/// Each test class gets its own database cloned from a migrated template, which takes milliseconds.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "MARKETPLACE_TEST_POSTGRES";
    private const string TemplateName = "marketplace_template";
    private const string FolderPrefix = "marketplace-test-pg-";

    private static readonly SemaphoreSlim CloneLock = new(1, 1);
    private static readonly Lazy<Task<Server>> Started = new(StartAsync);

    /// <summary>A fresh database with the schema and the reference catalog, for one test class.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var server = await Started.Value;
        var name = "t_" + new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray()) + "_" + Guid.NewGuid().ToString("N")[..8];
        await CloneLock.WaitAsync();
        try
        {
            await ExecuteAsync(server.Maintenance, $"CREATE DATABASE \"{name}\" TEMPLATE {TemplateName}");
        }
        finally
        {
            CloneLock.Release();
        }

        return server.ConnectionStringFor(name);
    }

    /// <summary>An empty database, for tests of the schema itself.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(string purpose)
    {
        var server = await Started.Value;
        var name = "e_" + new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray()) + "_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(server.Maintenance, $"CREATE DATABASE \"{name}\" TEMPLATE template0");
        return server.ConnectionStringFor(name);
    }

    private static async Task<Server> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ServerVariable);
        Server server;
        if (!string.IsNullOrWhiteSpace(external))
        {
            server = new Server(new NpgsqlConnectionStringBuilder(external) { Database = "postgres" }.ConnectionString);
        }
        else
        {
            RemoveLeftoversOfEarlierRuns();
            var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
            var local = await LocalPostgres.StartAsync(Path.Combine(folder, "data"), LocalPostgres.FreePort(), throwaway: true);
            await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            server = new Server(local.ConnectionString("postgres"));
            RemoveWhenThisProcessEnds(folder);
        }

        await ExecuteAsync(server.Maintenance, $"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)");
        await ExecuteAsync(server.Maintenance, $"CREATE DATABASE {TemplateName} TEMPLATE template0");
        var templateConnection = server.ConnectionStringFor(TemplateName);
        await TemplateContent.LoadAsync(templateConnection);
        NpgsqlConnection.ClearAllPools();
        return server;
    }

    /// <summary>
    /// The test host may be killed as soon as the last result is reported, so no in-process handler can be trusted to clean up.
    /// A detached watchdog waits for this process to end, then stops the server and removes its folder, even after a crash.
    /// </summary>
    private static void RemoveWhenThisProcessEnds(string folder)
    {
        var data = Path.Combine(folder, "data");
        var script = $$"""
            while kill -0 {{Environment.ProcessId}} 2>/dev/null; do sleep 1; done
            if [ -f '{{data}}/postmaster.pid' ]; then
              pid=$(head -n 1 '{{data}}/postmaster.pid')
              kill -QUIT "$pid" 2>/dev/null
              for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
            fi
            rm -rf '{{folder}}'
            """;
        var start = new System.Diagnostics.ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var watchdog = System.Diagnostics.Process.Start(start);
    }

    /// <summary>A run that was killed cannot clean up after itself; the next run does it.</summary>
    private static void RemoveLeftoversOfEarlierRuns()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var pidFile = Path.Combine(folder, "owner.pid");
            if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile), out var pid) || ProcessIsAlive(pid))
            {
                continue;
            }

            var postmaster = Path.Combine(folder, "data", "postmaster.pid");
            if (File.Exists(postmaster) && int.TryParse(File.ReadLines(postmaster).FirstOrDefault(), out var serverPid) && ProcessIsAlive(serverPid))
            {
                System.Diagnostics.Process.GetProcessById(serverPid).Kill();
                Thread.Sleep(500);
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                // That run's own watchdog removed it at the same moment.
            }
        }
    }

    private static bool ProcessIsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Server(string Maintenance)
    {
        public string ConnectionStringFor(string database) =>
            new NpgsqlConnectionStringBuilder(Maintenance) { Database = database, MaxPoolSize = 30 }.ConnectionString;
    }
}

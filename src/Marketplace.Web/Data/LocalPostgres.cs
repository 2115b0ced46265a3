using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Marketplace.Web.Data;

/// <summary>
/// A private PostgreSQL server run from the machine's own binaries (initdb, pg_ctl) in a folder of ours.
/// The run command uses it when no connection string is configured, and the test suite for a throwaway server.
/// PostgreSQL refuses to run as root, so as root the server runs as the <c>postgres</c> user.
/// </summary>
public sealed class LocalPostgres
{
    public const string InstallHint = "Install the PostgreSQL server binaries, for example: apt-get install -y postgresql (Debian/Ubuntu).";

    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;

    private LocalPostgres(string dataDirectory, int port, string binDirectory, bool asPostgresUser)
    {
        DataDirectory = dataDirectory;
        Port = port;
        _binDirectory = binDirectory;
        _asPostgresUser = asPostgresUser;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ConnectionString;

    /// <summary>Initialises the folder when it is empty and starts the server, or finds it already running.</summary>
    public static async Task<LocalPostgres> StartAsync(string dataDirectory, int port, bool throwaway, CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries() ?? throw new MissingPrerequisiteException("PostgreSQL server binaries (initdb, pg_ctl) were not found. " + InstallHint);
        var asPostgres = IsRoot();
        if (asPostgres && !UserExists("postgres"))
        {
            throw new MissingPrerequisiteException("Running as root, PostgreSQL needs an unprivileged 'postgres' user to run as. " + InstallHint);
        }

        var server = new LocalPostgres(Path.GetFullPath(dataDirectory), port, bin, asPostgres);
        await server.EnsureStartedAsync(throwaway, cancellationToken);
        return server;
    }

    /// <summary>
    /// A streaming hot standby of this server in <paramref name="dataDirectory"/> (<c>pg_basebackup -R</c>), started on
    /// <paramref name="port"/>: what the tests of storefront reads on replicas run against.
    /// </summary>
    public async Task<LocalPostgres> StartStandbyAsync(string dataDirectory, int port, CancellationToken cancellationToken = default)
    {
        var standby = new LocalPostgres(Path.GetFullPath(dataDirectory), port, _binDirectory, _asPostgresUser);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(standby.DataDirectory);
        }
        else
        {
            Directory.CreateDirectory(standby.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        if (_asPostgresUser)
        {
            await RunAsRootAsync("chown", ["postgres", standby.DataDirectory], cancellationToken);
            GrantTraverse(standby.DataDirectory);
        }

        await RunAsync(
            "pg_basebackup",
            ["-D", standby.DataDirectory, "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-X", "stream", "-R", "--no-sync", "--checkpoint=fast"],
            cancellationToken);
        await standby.EnsureStartedAsync(throwaway: true, cancellationToken);
        return standby;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Stops the server; <paramref name="immediate"/> skips the shutdown checkpoint, for a server about to be deleted. A
    /// server that is not running (one that crashed leaves its pid file behind) is left as it is.
    /// </summary>
    public async Task StopAsync(bool immediate = false)
    {
        if (await IsRunningAsync(CancellationToken.None))
        {
            await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "stop"], CancellationToken.None);
        }
    }

    private async Task EnsureStartedAsync(bool throwaway, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory);
        if (_asPostgresUser)
        {
            await RunAsRootAsync("chown", ["-R", "postgres", DataDirectory], cancellationToken);
            GrantTraverse(DataDirectory);
        }

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await RunAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], cancellationToken);
        }

        if (await IsRunningAsync(cancellationToken))
        {
            return;
        }

        // Durability settings are relaxed only for a throwaway server; a developer's demo database keeps the defaults.
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k {SocketDirectory()} -c max_connections=200"
            + (throwaway ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : string.Empty);
        var log = Path.Combine(DataDirectory, "server.log");
        var (exitCode, output) = await TryRunAsync("pg_ctl", ["-D", DataDirectory, "-o", options, "-l", log, "-w", "-t", "60", "start"], cancellationToken);
        if (exitCode != 0)
        {
            var tail = File.Exists(log) ? string.Join(Environment.NewLine, File.ReadLines(log).TakeLast(4)) : string.Empty;
            throw new InvalidOperationException($"PostgreSQL did not start on port {Port} from {DataDirectory}: {output}{Environment.NewLine}{tail}");
        }
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var (exitCode, _) = await TryRunAsync("pg_ctl", ["-D", DataDirectory, "status"], cancellationToken);
        return exitCode == 0;
    }

    private static string SocketDirectory() => Path.GetTempPath().TrimEnd('/');

    private async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await TryRunAsync(tool, arguments, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed with exit code {exitCode}: {output}");
        }
    }

    private Task<(int ExitCode, string Output)> TryRunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_binDirectory, tool);
        return _asPostgresUser
            ? ExecuteAsync("runuser", ["-u", "postgres", "--", path, .. arguments], cancellationToken)
            : ExecuteAsync(path, arguments, cancellationToken);
    }

    private static async Task RunAsRootAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await ExecuteAsync(tool, arguments, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed with exit code {exitCode}: {output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> ExecuteAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await stdout + Environment.NewLine + await stderr).Trim());
    }

    private static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : []);
        var found = candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));

        // A folder on PATH may hold links to initdb and pg_ctl only; their own folder also has pg_basebackup.
        return found is null ? null : Path.GetDirectoryName(File.ResolveLinkTarget(Path.Combine(found, "pg_ctl"), returnFinalTarget: true)?.FullName) ?? found;
    }

    private static bool IsRoot() => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private static bool UserExists(string user) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));

    /// <summary>The postgres user must be able to reach the data folder through every parent folder.</summary>
    private static void GrantTraverse(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        for (var dir = Directory.GetParent(directory); dir is not null; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
            }
        }
    }
}

/// <summary>Something the machine lacks to run the site; the message says what to install.</summary>
public sealed class MissingPrerequisiteException(string message) : Exception(message);

/// <summary>Stops the private server when the site stops, so nothing is left running after Ctrl+C; its data stays for the next start.</summary>
internal sealed class LocalPostgresLifetime(LocalPostgres server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync();
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Sellers.Import;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// The site's own import worker runs a CSV import of N rows while PostgreSQL is killed at a point of its progress
/// (<c>pg_ctl stop -m immediate</c>, or <c>kill -9</c> of the postmaster), then started again: a percentage of the rows
/// checked, or <c>write</c>, inside the import's write transaction once every row is checked. Checks and prints per trial:
/// rows saved (all or none), the time from the database's return to the job settling (Completed or Failed with a
/// message), to the first page served, and whether a listing edited after the upload kept its edit.
/// </summary>
internal static class FaultTrials
{
    private const string EditedTitle = "Harga baru dari penjual";
    private const long EditedPrice = 77_777;

    /// <summary>The kill point inside the import's write transaction.</summary>
    private const string WritePoint = "write";

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var points = args.Length > 1 ? args[1].Split(',') : ["10", "50", "90", WritePoint];
        var site = new BenchmarkSite(runImportWorker: true);
        await site.StartAsync();
        var failures = 0;
        try
        {
            var categories = await WithDataAsync(site, CsvImportBenchmark.LeafSlugsAsync);
            var file = CsvImportBenchmark.Generate(rows, categories);
            using var client = site.CreateClient();
            Console.WriteLine($"{rows:N0} rows per import; trial: kill, at % checked or inside the write, the shop's listings after (1: none of the file saved, all: every row), settled after return, first page after return, edit kept, verdict");
            var trial = 0;
            foreach (var kill in new[] { "immediate", "kill-9" })
            {
                foreach (var point in points)
                {
                    trial++;
                    var result = await TrialAsync(site, client, file, rows, trial, kill, point);
                    failures += result ? 0 : 1;
                }
            }
        }
        finally
        {
            await site.StopAsync();
        }

        Console.WriteLine(failures == 0 ? "all trials passed" : $"{failures} trials FAILED");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<bool> TrialAsync(BenchmarkSite site, HttpClient client, byte[] file, int rows, int trial, string kill, string point)
    {
        var sellerId = await WithDataAsync(site, data => CsvImportBenchmark.CreateSellerAsync(data, 100 + trial));

        // The first row's listing exists before the upload; the seller edits it after the upload was accepted.
        var first = System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", System.Text.Encoding.UTF8.GetString(file).Split("\r\n").Take(2)) + "\r\n");
        var seeded = await QueueAsync(site, sellerId, first);
        var (seededStatus, seededFailure) = await WaitAsync(site, seeded, s => s is ListingImportStatus.Completed or ListingImportStatus.Failed, TimeSpan.FromMinutes(2));
        if (seededStatus != ListingImportStatus.Completed)
        {
            throw new InvalidOperationException($"The one-row import before trial {trial} ended {seededStatus} ({seededFailure}).");
        }

        // A row the product refuses (a column it now requires, say) completes the import with nothing written.
        var seededListings = await WithDataAsync(site, data => ScalarAsync<long>(data, $"SELECT count(*) FROM listings WHERE seller_id = {sellerId}"));
        if (seededListings != 1)
        {
            throw new InvalidOperationException($"The one-row import before trial {trial} completed with {seededListings} listings written instead of 1: the generated sheet no longer passes the import's checks.");
        }

        var importId = await QueueAsync(site, sellerId, file);
        await WithDataAsync(site, data => ExecuteAsync(
            data, $"UPDATE listings SET title = '{EditedTitle}', price_idr = {EditedPrice}, version = version + 1 WHERE seller_id = {sellerId}"));

        if (point == WritePoint)
        {
            await WaitForProgressAsync(site, importId, rows);
            await WaitForWriteAsync(site, sellerId);
        }
        else
        {
            await WaitForProgressAsync(site, importId, rows * int.Parse(point, CultureInfo.InvariantCulture) / 100);
        }

        var server = site.Postgres;
        if (kill == "immediate")
        {
            await server.StopAsync(immediate: true);
        }
        else
        {
            await KillPostmasterAsync(server.DataDirectory);
        }

        await StartAgainAsync(server);
        var back = Stopwatch.StartNew();
        var firstPage = await FirstPageAsync(client, back);
        var (status, failureKey) = await WaitAsync(site, importId, s => s is ListingImportStatus.Completed or ListingImportStatus.Failed, TimeSpan.FromMinutes(3));
        var settled = back.Elapsed;
        var saved = await WithDataAsync(site, data => ScalarAsync<long>(data, $"SELECT count(*) FROM listings WHERE seller_id = {sellerId}"));
        var editKept = await WithDataAsync(site, data => ScalarAsync<bool>(
            data, $"SELECT coalesce(bool_and(title = '{EditedTitle}' AND price_idr = {EditedPrice}), false) FROM listings WHERE seller_id = {sellerId} AND sku = 'BENCH-000001'"));

        var allOrNone = saved == 1 || saved == rows;
        var ok = allOrNone && editKept && settled <= TimeSpan.FromSeconds(30) && firstPage <= TimeSpan.FromSeconds(10)
            && (status == ListingImportStatus.Completed || failureKey is not null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trial {trial}: {kill,-9} at {(point == WritePoint ? "write" : point + " %"),-5}, listings {saved,6:N0} of {rows:N0}, {status} {failureKey} after {settled.TotalSeconds,5:0.0} s, first page after {firstPage.TotalSeconds,4:0.0} s, edit kept {editKept}, {(ok ? "ok" : "FAILED")}"));
        return ok;
    }

    /// <summary>Queues the upload, waits for its preview and confirms it, as the seller's "Lanjutkan impor" does: the trials cut off the import.</summary>
    private static async Task<long> QueueAsync(BenchmarkSite site, int sellerId, byte[] file)
    {
        var importId = (await site.WithServiceAsync<ListingImports, (long? ImportId, string? FailureKey)>(
            i => i.QueueAsync(sellerId, "faults.zip", CsvImportBenchmark.Packaged(file), "fault-trials", CancellationToken.None))).ImportId!.Value;
        await WaitAsync(site, importId, s => s is ListingImportStatus.PreviewReady or ListingImportStatus.Failed, TimeSpan.FromMinutes(3));
        await site.WithServiceAsync<ListingImports, bool>(i => i.ConfirmAsync(sellerId, importId, CancellationToken.None));
        return importId;
    }

    private static async Task WaitForProgressAsync(BenchmarkSite site, long importId, int target) =>
        await Waits.UntilAsync(
            async () => await WithDataAsync(site, data => ScalarAsync<int>(data, $"SELECT checked_rows FROM listing_imports WHERE id = {importId}")) >= target,
            TimeSpan.FromMinutes(5),
            $"import {importId} to check {target} rows");

    /// <summary>Waits until the import's write transaction holds a row lock on the seller's listings (its upsert has begun).</summary>
    private static async Task WaitForWriteAsync(BenchmarkSite site, int sellerId) =>
        await Waits.UntilAsync(
            async () => await WithDataAsync(site, data => ScalarAsync<bool>(data, """
                SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                    WHERE pid <> pg_backend_pid() AND datname = current_database() AND xact_start IS NOT NULL AND backend_xid IS NOT NULL
                      AND query ILIKE '%listing%' AND query NOT ILIKE '%listing_imports SET checked_rows%')
                """)),
            TimeSpan.FromMinutes(5),
            $"the write transaction of seller {sellerId}'s import");

    private static async Task<(ListingImportStatus Status, string? FailureKey)> WaitAsync(
        BenchmarkSite site, long importId, Func<ListingImportStatus, bool> until, TimeSpan ceiling)
    {
        (ListingImportStatus Status, string? FailureKey) seen = default;
        await Waits.UntilAsync(
            async () =>
            {
                seen = await WithDataAsync(site, async data =>
                {
                    await using var command = data.CreateCommand($"SELECT status, failure_key FROM listing_imports WHERE id = {importId}");
                    await using var reader = await command.ExecuteReaderAsync();
                    await reader.ReadAsync();
                    return ((ListingImportStatus)reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1));
                });
                return until(seen.Status);
            },
            ceiling,
            what: null);
        return seen;
    }

    private static async Task<TimeSpan> FirstPageAsync(HttpClient client, Stopwatch back)
    {
        await Waits.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync("/search?q=kopi");
                return response.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromMinutes(1),
            what: null);
        return back.Elapsed;
    }

    /// <summary>
    /// SIGKILL to the postmaster, then waits until the process is gone: until then "pg_ctl status" still finds it, and a
    /// start would be skipped as if the server were running.
    /// </summary>
    private static async Task KillPostmasterAsync(string dataDirectory)
    {
        var pid = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        using (var postmaster = Process.GetProcessById(pid))
        {
            postmaster.Kill();
        }

        await Waits.UntilAsync(() => Task.FromResult(!Directory.Exists($"/proc/{pid}")), TimeSpan.FromMinutes(1), $"the killed postmaster {pid} to be gone");
    }

    /// <summary>
    /// After kill -9 the old backends hold the shared memory until each notices its postmaster is gone, and a start fails
    /// until then; start is tried again until one works, each attempt being a pg_ctl run.
    /// </summary>
    private static Task<bool> StartAgainAsync(LocalPostgres server) =>
        Waits.UntilAsync(
            async () =>
            {
                try
                {
                    await LocalPostgres.StartAsync(server.DataDirectory, server.Port, throwaway: true);
                    return true;
                }
                catch (InvalidOperationException)
                {
                    return false;
                }
            },
            TimeSpan.FromMinutes(2),
            "PostgreSQL to start again");

    private static async Task<T> WithDataAsync<T>(BenchmarkSite site, Func<NpgsqlDataSource, Task<T>> work)
    {
        await using var data = NpgsqlDataSource.Create(site.ConnectionString);
        return await work(data);
    }

    private static async Task<int> ExecuteAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

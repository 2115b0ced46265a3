using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Sellers.Import;
using Npgsql;
using NpgsqlTypes;
using SkiaSharp;

namespace Marketplace.Benchmarks;

/// <summary>
/// CSV bulk upload of N rows, each naming a photo in the same ZIP, through the real import service (unpack, check and
/// re-encode the photos, parse, check, upsert, decide, one transaction), for a
/// new shop each round, then the same file again (every row unchanged); against a bare binary COPY of the same rows
/// into a temporary table, measured in the same run.
/// </summary>
internal static class CsvImportBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;

        var site = new BenchmarkSite();
        await site.StartAsync();
        try
        {
            await using var data = NpgsqlDataSource.Create(site.ConnectionString);
            var categories = await LeafSlugsAsync(data);
            var file = Generate(rows, categories);
            Console.WriteLine($"Generated {rows:N0} rows over {categories.Count} categories, {file.Length / 1024.0 / 1024.0:0.0} MB.");

            var baseline = new List<double>();
            var import = new List<double>();
            var again = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                baseline.Add(await TimeBareCopyAsync(data, file));
                var sellerId = await CreateSellerAsync(data, round);
                import.Add(await TimeImportAsync(site, data, sellerId, file, rows, expectCreated: true));
                again.Add(await TimeImportAsync(site, data, sellerId, file, rows, expectCreated: false));
                await BenchmarkData.VacuumAsync(data);
                Console.WriteLine($"round {round}: bare COPY {baseline[^1]:N0} ms, import {import[^1]:N0} ms, same file again {again[^1]:N0} ms");
            }

            double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
            double PerSecond(double ms) => rows / (ms / 1000);
            Console.WriteLine();
            Console.WriteLine($"median over {rounds} rounds, {rows:N0} rows:");
            Console.WriteLine($"  bare binary COPY of the same rows (baseline): {Median(baseline),8:N0} ms {PerSecond(Median(baseline)),10:N0} rows/s  1.00x");
            Console.WriteLine($"  import (parse, check, upsert, {rows:N0} decisions, one transaction): {Median(import),8:N0} ms {PerSecond(Median(import)),10:N0} rows/s  {Median(import) / Median(baseline):0.00}x");
            Console.WriteLine($"  same file again (every row unchanged, nothing written): {Median(again),8:N0} ms {PerSecond(Median(again)),10:N0} rows/s  {Median(again) / Median(baseline):0.00}x");
        }
        finally
        {
            await site.StopAsync();
        }
    }

    /// <summary>The photo every generated row names; a listing is published only with one.</summary>
    private const string PhotoName = "produk.png";

    internal static byte[] Generate(int rows, List<string> categories)
    {
        // A new listing needs its weight (a row without it is reported and not written), so every row carries one.
        var csv = new StringBuilder("sku,category,title,description,price,stock,tkdn_percent,origin,images,weight_grams\r\n");
        for (var i = 1; i <= rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"BENCH-{i:D6},{categories[i % categories.Count]},Produk UMKM Nomor {i},\"Dibuat di Indonesia, nomor {i}; bahan pilihan.\",{25_000 + (i % 4000) * 250},{i % 500},{(i % 3 == 0 ? "45.5" : string.Empty)},local,{PhotoName},{250 + (i % 40) * 50}\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>The upload a seller sends for a sheet whose rows name photos: a ZIP of the sheet and the photo.</summary>
    internal static byte[] Packaged(byte[] sheet)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry("produk.csv").Open())
            {
                entry.Write(sheet);
            }

            using var photo = zip.CreateEntry(PhotoName).Open();
            photo.Write(Photo());
        }

        return output.ToArray();
    }

    private static byte[] Photo()
    {
        using var surface = SKSurface.Create(new SKImageInfo(96, 96));
        surface.Canvas.Clear(new SKColor(0xC0, 0x5A, 0x2B));
        using var paint = new SKPaint { Color = new SKColor(0xF4, 0xE1, 0xC1), IsAntialias = true };
        surface.Canvas.DrawCircle(48, 48, 30, paint);
        using var image = surface.Snapshot();
        using var encoded = image.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    private static async Task<double> TimeImportAsync(BenchmarkSite site, NpgsqlDataSource data, int sellerId, byte[] file, int rows, bool expectCreated)
    {
        var importId = (await site.WithServiceAsync<ListingImports, (long? ImportId, string? FailureKey)>(i => i.QueueAsync(sellerId, "bench.zip", Packaged(file), "benchmark", CancellationToken.None))).ImportId!.Value;

        // An upload runs twice: its preview (the same import, rolled back), then, once the seller confirms, the import.
        // The figure is the import's, as before the preview existed; the preview's is printed beside it.
        var preview = await RunClaimedAsync(site, data, importId);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  preview of import {importId}: {preview:0} ms"));
        if (!await site.WithServiceAsync<ListingImports, bool>(i => i.ConfirmAsync(sellerId, importId, CancellationToken.None)))
        {
            throw new InvalidOperationException($"Import {importId} has no preview to confirm.");
        }

        var elapsed = await RunClaimedAsync(site, data, importId);
        await using var check = data.CreateCommand("SELECT status, created_count, unchanged_count, invalid_count FROM listing_imports WHERE id = @id");
        check.Parameters.AddWithValue("id", importId);
        await using var reader = await check.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (status, created, unchanged, invalid) = ((ListingImportStatus)reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
        var expected = expectCreated ? (ListingImportStatus.Completed, rows, 0, 0) : (ListingImportStatus.Completed, 0, rows, 0);
        if ((status, created, unchanged, invalid) != expected)
        {
            throw new InvalidOperationException($"Import {importId} ended as {status}, {created} created, {unchanged} unchanged, {invalid} invalid.");
        }

        return elapsed;
    }

    /// <summary>Claims the job as the worker would and times one run of it.</summary>
    private static async Task<double> RunClaimedAsync(BenchmarkSite site, NpgsqlDataSource data, long importId)
    {
        await using (var claim = data.CreateCommand($"UPDATE listing_imports SET status = {(int)ListingImportStatus.Running}, started_at = now(), attempts = 1 WHERE id = @id"))
        {
            claim.Parameters.AddWithValue("id", importId);
            await claim.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await site.WithServiceAsync<ListingImporter, bool>(async importer =>
        {
            await importer.RunAsync(importId, CancellationToken.None);
            return true;
        });
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The floor: the same rows, already parsed, in one binary COPY into a temporary table, rolled back.</summary>
    private static async Task<double> TimeBareCopyAsync(NpgsqlDataSource data, byte[] file)
    {
        var lines = Encoding.UTF8.GetString(file).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).ToList();
        await using var connection = await data.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE bench_rows (sku text, category text, title text, description text, price bigint, stock int) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY bench_rows FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var cells in lines)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(cells[0], NpgsqlDbType.Text);
                await copy.WriteAsync(cells[1], NpgsqlDbType.Text);
                await copy.WriteAsync(cells[2], NpgsqlDbType.Text);
                await copy.WriteAsync(cells[3], NpgsqlDbType.Text);
                await copy.WriteAsync(long.Parse(cells[^6], CultureInfo.InvariantCulture), NpgsqlDbType.Bigint);
                await copy.WriteAsync(int.Parse(cells[^5], CultureInfo.InvariantCulture), NpgsqlDbType.Integer);
            }

            await copy.CompleteAsync();
        }

        var elapsed = watch.Elapsed.TotalMilliseconds;
        await transaction.RollbackAsync();
        return elapsed;
    }

    internal static async Task<List<string>> LeafSlugsAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand("SELECT slug FROM categories WHERE cluster_id IS NOT NULL AND NOT is_retired ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        var slugs = new List<string>();
        while (await reader.ReadAsync())
        {
            slugs.Add(reader.GetString(0));
        }

        return slugs;
    }

    internal static async Task<int> CreateSellerAsync(NpgsqlDataSource data, int round)
    {
        // A verified local shop: its rows are decided as any local seller's, with no origin review in the way.
        await using var command = data.CreateCommand($"""
            INSERT INTO asp_net_users (id, display_name, preferred_language, user_name, normalized_user_name, email, normalized_email,
                                       email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES ('csv-bench-' || @round, 'CSV Bench', 'id', 'csv' || @round || '@example.id', upper('csv' || @round || '@example.id'),
                    'csv' || @round || '@example.id', upper('csv' || @round || '@example.id'), true, false, false, true, 0);
            INSERT INTO sellers (user_id, store_name, slug, origin, country_code, province, city, status, verification, opened_at)
            VALUES ('csv-bench-' || @round, 'Toko CSV ' || @round, 'toko-csv-' || @round, {(int)SellerOrigin.Local}, 'ID', 'Jawa Barat', 'Bandung',
                    {(int)SellerStatus.Active}, {(int)OriginVerification.Verified}, now())
            RETURNING id
            """);
        command.Parameters.AddWithValue("round", round.ToString(CultureInfo.InvariantCulture));
        return (int)(await command.ExecuteScalarAsync())!;
    }
}

using System.Diagnostics;
using System.Globalization;
using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// The policy's photo lookup (<see cref="PhotoMatches.BannedMatchesAsync"/>, the statements a publication runs) for one
/// listing photo among <c>stored</c> photos, <c>banned</c> of them photos of a refused listing (the only ones the lookup
/// searches) and the rest of a live one, each stored as PhotoHashes.PartCount fingerprints (random hashes, loaded in
/// SQL; set-up, not a path of the product), with the generated photos' real fingerprints among the banned ones so that
/// the copies' lookups find their original. The banned photos are copied by the decision path's own SQL (<see cref="BannedPhotos"/>).
/// </summary>
internal static class PhotoLookupBenchmark
{
    private const int Lookups = 200;

    public static async Task RunAsync(int stored, int banned, IReadOnlyList<IReadOnlyList<PhotoHash>> generated, IReadOnlyList<PhotoHash> copies)
    {
        var site = new BenchmarkSite();
        await site.StartAsync();
        try
        {
            await using var data = NpgsqlDataSource.Create(site.ConnectionString);
            var (refused, live, query) = await ListingsAsync(site);
            var watch = Stopwatch.StartNew();
            await LoadAsync(data, refused, live, stored, banned, generated);
            Console.WriteLine($"Loaded {stored:N0} photos ({stored * (long)PhotoHashes.PartCount:N0} fingerprints), {banned:N0} of them of a refused listing, in {watch.Elapsed.TotalSeconds:N0} s.");

            var random = new Random(17);
            var queries = Enumerable.Range(0, Lookups).Select(i => i % 2 == 0 ? copies[random.Next(copies.Count)] : new PhotoHash(random.NextInt64())).ToList();
            var times = new List<double>();
            var found = 0;
            for (var round = -10; round < queries.Count; round++)
            {
                var hash = queries[Math.Max(0, round)];
                await using (var swap = data.CreateCommand("UPDATE photo_fingerprints SET hash = @hash, band0 = @b0, band1 = @b1, band2 = @b2 WHERE stored_name = 'query' AND part = 0"))
                {
                    swap.Parameters.AddWithValue("hash", hash.Bits);
                    swap.Parameters.AddWithValue("b0", PhotoHashBands.Wide.Band(hash, 0));
                    swap.Parameters.AddWithValue("b1", PhotoHashBands.Wide.Band(hash, 1));
                    swap.Parameters.AddWithValue("b2", PhotoHashBands.Wide.Band(hash, 2));
                    await swap.ExecuteNonQueryAsync();
                }

                using var scope = site.Services.CreateScope();
                var matches = scope.ServiceProvider.GetRequiredService<PhotoMatches>();
                var timer = Stopwatch.StartNew();
                var match = await matches.BannedMatchesAsync([query], CancellationToken.None);
                timer.Stop();
                if (round >= 0)
                {
                    times.Add(timer.Elapsed.TotalMilliseconds);
                    found += match.Count;
                }
            }

            times.Sort();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Lookup of one listing photo among {stored:N0} stored photos ({banned:N0} banned): median {times[times.Count / 2]:0.00} ms, p95 {times[(int)(times.Count * 0.95)]:0.00} ms, max {times[^1]:0.00} ms over {times.Count} lookups ({found} of {Lookups / 2} copies found, random photos none expected)."));
        }
        finally
        {
            await site.StopAsync();
        }
    }

    /// <summary>
    /// A cross-border shop with a listing refused for a closed cluster (which holds the banned photos), a live listing
    /// (which holds the others) and a draft whose photo is looked up.
    /// </summary>
    private static async Task<(long Refused, long Live, long Query)> ListingsAsync(BenchmarkSite site)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO asp_net_users (id, display_name, preferred_language, user_name, normalized_user_name, email, normalized_email,
                                       email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES ('bench-photo', 'Bench', 'id', 'bench-photo@example.id', 'BENCH-PHOTO@EXAMPLE.ID', 'bench-photo@example.id', 'BENCH-PHOTO@EXAMPLE.ID', true, false, false, true, 0)
            """);
        var seller = new Seller("bench-photo", "Toko Foto", "toko-foto", SellerOrigin.CrossBorder, "CN", "Guangdong", "Shenzhen", null, DateTimeOffset.UtcNow);
        db.Sellers.Add(seller);
        await db.SaveChangesAsync();
        var category = await db.Categories.Where(c => c.Slug == "casing-hp").Select(c => c.Id).SingleAsync();
        Listing Draft(string sku) => new(seller.Id, sku, new ListingContent(category, sku, sku + ".", new Rupiah(500_000), 1, ProductOrigin.Imported, null), DateTimeOffset.UtcNow);
        var refused = Draft("REFUSED");
        var live = Draft("LIVE");
        var query = Draft("QUERY");
        query.AddImage("query", "image/jpeg");
        db.Listings.AddRange(refused, live, query);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE listings SET state = {(int)ListingState.Rejected}, reason_codes = ARRAY[{ReasonCodes.ClusterBlocked}] WHERE id = {refused.Id};
            UPDATE listings SET state = {(int)ListingState.Published} WHERE id = {live.Id};
            INSERT INTO photo_fingerprints (stored_name, part, hash, band0, band1, band2) VALUES ('query', 0, 0, 0, 0, 0)
            """);
        return (refused.Id, live.Id, query.Id);
    }

    private static async Task LoadAsync(NpgsqlDataSource data, long refused, long live, int stored, int banned, IReadOnlyList<IReadOnlyList<PhotoHash>> generated)
    {
        // Random 64-bit hashes from two 32-bit halves (random() has 52 bits), banded as PhotoHashBands.Wide cuts them.
        const string Chunk = """
            INSERT INTO listing_images (listing_id, stored_name, content_type, position)
            SELECT CASE WHEN g <= @banned THEN @refused ELSE @live END, 'r' || g, 'image/jpeg', 0 FROM generate_series(@from, @to) g;
            INSERT INTO photo_fingerprints (stored_name, part, hash, band0, band1, band2)
            SELECT 'r' || g, p, h, (h & 2097151)::int, ((h >> 21) & 2097151)::int, ((h >> 42) & 4194303)::int
            FROM generate_series(@from, @to) g, generate_series(0, @parts - 1) p,
                 LATERAL (SELECT (((random() * 4294967295)::bigint << 32) # (random() * 4294967295)::bigint) + 0 * g + 0 * p AS h) r;
            """;
        const int chunk = 100_000;
        for (var from = 1; from <= stored - generated.Count; from += chunk)
        {
            await using var command = data.CreateCommand(Chunk);
            command.CommandTimeout = 0;
            command.Parameters.AddWithValue("refused", refused);
            command.Parameters.AddWithValue("live", live);
            command.Parameters.AddWithValue("banned", banned - generated.Count);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", Math.Min(stored - generated.Count, from + chunk - 1));
            command.Parameters.AddWithValue("parts", PhotoHashes.PartCount);
            await command.ExecuteNonQueryAsync();
        }

        var fingerprints = new PhotoFingerprints(data);
        for (var i = 0; i < generated.Count; i++)
        {
            await using (var image = data.CreateCommand("INSERT INTO listing_images (listing_id, stored_name, content_type, position) VALUES (@refused, @name, 'image/jpeg', 0)"))
            {
                image.Parameters.AddWithValue("refused", refused);
                image.Parameters.AddWithValue("name", "g" + i);
                await image.ExecuteNonQueryAsync();
            }

            await fingerprints.SaveAsync("g" + i, generated[i], CancellationToken.None);
        }

        await using (var copy = data.CreateCommand(BannedPhotos.RefreshListings))
        {
            copy.CommandTimeout = 0;
            copy.Parameters.AddWithValue("banned_listings", new[] { refused, live });
            await copy.ExecuteNonQueryAsync();
        }

        foreach (var table in new[] { "listing_images", "photo_fingerprints", "banned_photo_parts" })
        {
            await using var analyse = data.CreateCommand("VACUUM ANALYZE " + table);
            analyse.CommandTimeout = 0;
            await analyse.ExecuteNonQueryAsync();
        }
    }
}

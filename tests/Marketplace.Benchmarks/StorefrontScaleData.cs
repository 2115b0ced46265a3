using System.Diagnostics;
using Bogus;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Features.Storefront;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Benchmarks;

/// <summary>
/// A million-listing catalogue for the storefront benchmark, loaded with binary COPY: titles and descriptions are the demo
/// generator's (several seeds), about 5,000 shops (80% local across the demo's provinces, 20% cross-border), and states as the
/// policy leaves them: cross-border goods in a closed cluster rejected, or suspended when the block came after publication.
/// Set-up, not a path of the product, so it writes rows directly; the search columns go through the product's own folding.
/// </summary>
internal static class StorefrontScaleData
{
    private const int Shops = 5000;
    private const int CrossBorderShops = Shops / 5;
    private const int TemplateSeeds = 12;

    public static async Task LoadAsync(string connectionString, int listings)
    {
        var watch = Stopwatch.StartNew();
        var random = new Randomizer(2021);
        var demo = Enumerable.Range(0, TemplateSeeds).Select(i => DemoDataGenerator.Generate(2021 + i)).ToList();
        var sellerOrigin = demo[0].Sellers.ToDictionary(s => s.Slug, s => s.Origin, StringComparer.Ordinal);
        var local = demo.SelectMany(d => d.Listings).Where(l => sellerOrigin[l.SellerSlug] == SellerOrigin.Local).ToList();
        var crossBorder = demo.SelectMany(d => d.Listings).Where(l => sellerOrigin[l.SellerSlug] == SellerOrigin.CrossBorder).ToList();
        var localSellers = demo[0].Sellers.Where(s => s.Origin == SellerOrigin.Local).ToList();
        var foreignSellers = demo[0].Sellers.Where(s => s.Origin == SellerOrigin.CrossBorder).ToList();

        await using var data = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await using var connection = await data.OpenConnectionAsync();
        var categories = new Dictionary<string, (int Id, int Cluster)>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT slug, id, cluster_id FROM categories WHERE cluster_id IS NOT NULL", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                categories[reader.GetString(0)] = (reader.GetInt32(1), reader.GetInt32(2));
            }
        }

        var closed = new HashSet<int>();
        await using (var read = new NpgsqlCommand("SELECT cluster_id FROM cluster_blocks WHERE starts_at <= now() AND (lifted_at IS NULL OR lifted_at > now())", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                closed.Add(reader.GetInt32(0));
            }
        }

        await ExecuteAsync(connection, $$"""
            INSERT INTO asp_net_users (id, display_name, preferred_language, user_name, normalized_user_name, email, normalized_email,
                                       email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            SELECT 'scale-' || g, 'Toko ' || g, 'id', 'toko' || g || '@example.id', upper('toko' || g || '@example.id'),
                   'toko' || g || '@example.id', upper('toko' || g || '@example.id'), true, false, false, true, 0
            FROM generate_series(1, {{Shops}}) g
            """);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY sellers (user_id, store_name, slug, origin, country_code, province, city, status, opened_at, verification, verified_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var shop = 1; shop <= Shops; shop++)
            {
                var foreign = shop <= CrossBorderShops;
                var like = foreign ? foreignSellers[shop % foreignSellers.Count] : localSellers[shop % localSellers.Count];
                await copy.StartRowAsync();
                await copy.WriteAsync("scale-" + shop, NpgsqlDbType.Text);
                await copy.WriteAsync($"{like.StoreName} {shop}", NpgsqlDbType.Text);
                await copy.WriteAsync($"{like.Slug}-{shop}", NpgsqlDbType.Text);
                await copy.WriteAsync((int)like.Origin, NpgsqlDbType.Integer);
                await copy.WriteAsync(like.CountryCode, NpgsqlDbType.Char);
                await copy.WriteAsync(like.Province, NpgsqlDbType.Text);
                await copy.WriteAsync(like.City, NpgsqlDbType.Text);

                // One shop in a hundred is suspended: its rows still say published, the visibility predicate hides them.
                await copy.WriteAsync((int)(shop % 100 == 7 ? SellerStatus.Suspended : SellerStatus.Active), NpgsqlDbType.Integer);
                await copy.WriteAsync(DateTimeOffset.UtcNow.AddYears(-2), NpgsqlDbType.TimestampTz);

                // Local shops as an admin left them after checking their evidence; cross-border shops need no verification.
                await copy.WriteAsync((int)(foreign ? OriginVerification.NotRequested : OriginVerification.Verified), NpgsqlDbType.Integer);
                if (foreign)
                {
                    await copy.WriteNullAsync();
                }
                else
                {
                    await copy.WriteAsync(DateTimeOffset.UtcNow.AddYears(-2), NpgsqlDbType.TimestampTz);
                }
            }

            await copy.CompleteAsync();
        }

        var shopIds = new List<int>();
        await using (var read = new NpgsqlCommand("SELECT id FROM sellers WHERE user_id LIKE 'scale-%' ORDER BY id", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                shopIds.Add(reader.GetInt32(0));
            }
        }

        // Indexes are built once after the load: maintaining them row by row costs several times more.
        var indexes = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'listings' AND indexname <> 'pk_listings'", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name}");
        }

        var now = DateTimeOffset.UtcNow;
        await using (var copy = await connection.BeginBinaryImportAsync(
            """
            COPY listings (seller_id, category_id, sku, title, description, search_title, search_description, price_idr, stock, origin,
                           tkdn_percent, state, state_changed_at, published_at, suspended_by, reason_codes, misclassification_cleared,
                           created_at, updated_at, version, weight_grams) FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < listings; i++)
            {
                var shop = random.Number(0, Shops - 1);
                var foreign = shop < CrossBorderShops;
                var pool = foreign ? crossBorder : local;
                var template = pool[random.Number(0, pool.Count - 1)];
                var category = categories[template.CategorySlug];
                var isCrossBorder = foreign || template.Origin == ProductOrigin.Imported;
                var state = ListingState.Published;
                if (isCrossBorder && closed.Contains(category.Cluster))
                {
                    state = random.Number(0, 9) < 8 ? ListingState.Rejected : ListingState.Suspended;
                }

                var published = now.AddMinutes(-random.Number(0, 60 * 24 * 365));
                var price = Math.Max(1000, template.Price * random.Number(80, 125) / 100 / 100 * 100);
                await copy.StartRowAsync();
                await copy.WriteAsync(shopIds[shop], NpgsqlDbType.Integer);
                await copy.WriteAsync(category.Id, NpgsqlDbType.Integer);
                await copy.WriteAsync("S" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                await copy.WriteAsync(template.Title, NpgsqlDbType.Text);
                await copy.WriteAsync(template.Description, NpgsqlDbType.Text);
                await copy.WriteAsync(SearchText.Fold(template.Title), NpgsqlDbType.Text);
                await copy.WriteAsync(SearchText.Fold(template.Description), NpgsqlDbType.Text);
                await copy.WriteAsync(price, NpgsqlDbType.Bigint);
                await copy.WriteAsync(random.Number(0, 9) == 0 ? 0 : random.Number(1, 500), NpgsqlDbType.Integer);
                await copy.WriteAsync((int)template.Origin, NpgsqlDbType.Integer);
                if (template.TkdnPercent is { } tkdn)
                {
                    await copy.WriteAsync(tkdn, NpgsqlDbType.Numeric);
                }
                else
                {
                    await copy.WriteNullAsync();
                }

                await copy.WriteAsync((int)state, NpgsqlDbType.Integer);
                await copy.WriteAsync(published, NpgsqlDbType.TimestampTz);
                if (state == ListingState.Rejected)
                {
                    await copy.WriteNullAsync();
                    await copy.WriteNullAsync();
                }
                else
                {
                    await copy.WriteAsync(published, NpgsqlDbType.TimestampTz);
                    if (state == ListingState.Suspended)
                    {
                        await copy.WriteAsync((int)SuspensionSource.Policy, NpgsqlDbType.Integer);
                    }
                    else
                    {
                        await copy.WriteNullAsync();
                    }
                }

                await copy.WriteAsync(state == ListingState.Published ? Array.Empty<string>() : ["CLUSTER_BLOCKED"], NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(published, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(published, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(random.Number(100, 3000), NpgsqlDbType.Integer);
            }

            await copy.CompleteAsync();
        }

        Console.WriteLine($"  copied {listings:N0} listings in {watch.Elapsed.TotalSeconds:N0} s; building {indexes.Count} indexes...");
        await ExecuteAsync(connection, "SET maintenance_work_mem = '256MB'");
        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(connection, definition);
        }

        await ExecuteAsync(connection, "VACUUM ANALYZE");
        await ExecuteAsync(connection, $"""
            INSERT INTO search_words (word, listings)
            SELECT word, ndoc FROM ts_stat('SELECT title_words FROM listings WHERE state = {(int)ListingState.Published}')
            WHERE length(word) >= 3 AND word !~ '^[0-9]+$'
            ON CONFLICT (word) DO UPDATE SET listings = excluded.listings
            """);
        Console.WriteLine($"  loaded in {watch.Elapsed.TotalSeconds:N0} s");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

using System.Diagnostics;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>Bulk rows for benchmarks, written straight in SQL: this is set-up, not a path of the product.</summary>
internal static class BenchmarkData
{
    private const int Sellers = 50;

    /// <summary>Returns the ELECTRONICS cluster id after loading its live cross-border listings and as many local ones elsewhere.</summary>
    public static async Task<int> LoadAsync(NpgsqlDataSource data, int listings)
    {
        await using var connection = await data.OpenConnectionAsync();
        var sql = $$"""
            INSERT INTO asp_net_users (id, display_name, preferred_language, user_name, normalized_user_name, email, normalized_email,
                                       email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            SELECT 'bench-' || g, 'Bench ' || g, 'id', 'bench' || g || '@example.id', upper('bench' || g || '@example.id'),
                   'bench' || g || '@example.id', upper('bench' || g || '@example.id'), true, false, false, true, 0
            FROM generate_series(1, {{Sellers * 2}}) g;

            INSERT INTO sellers (user_id, store_name, slug, origin, country_code, province, city, status, opened_at)
            SELECT 'bench-' || g, 'Toko Bench ' || g, 'toko-bench-' || g,
                   CASE WHEN g <= {{Sellers}} THEN 1 ELSE 0 END, CASE WHEN g <= {{Sellers}} THEN 'CN' ELSE 'ID' END,
                   'Guangdong', 'Shenzhen', 0, now()
            FROM generate_series(1, {{Sellers * 2}}) g;

            CREATE TEMP TABLE bench_categories AS
            SELECT c.id, c.cluster_id, row_number() OVER (PARTITION BY k.code = 'ELECTRONICS' ORDER BY c.id) AS n,
                   count(*) OVER (PARTITION BY k.code = 'ELECTRONICS') AS total, k.code = 'ELECTRONICS' AS electronics
            FROM categories c JOIN clusters k ON k.id = c.cluster_id;

            INSERT INTO listings (seller_id, category_id, sku, title, description, price_idr, stock, origin, state, state_changed_at,
                                  published_at, reason_codes, misclassification_cleared, created_at, updated_at, version)
            SELECT s.id, c.id, 'B-' || g, 'Produk Elektronik Impor ' || g, 'Deskripsi produk impor nomor ' || g || ' untuk uji beban.',
                   100000 + (g % 5000) * 1000, 10, 1, 2, now(), now(), '{}'::text[], false, now(), now(), 1
            FROM generate_series(1, {{listings}}) g
            JOIN sellers s ON s.slug = 'toko-bench-' || (1 + g % {{Sellers}})
            JOIN bench_categories c ON c.electronics AND c.n = 1 + g % c.total;

            INSERT INTO listings (seller_id, category_id, sku, title, description, price_idr, stock, origin, state, state_changed_at,
                                  published_at, reason_codes, misclassification_cleared, created_at, updated_at, version)
            SELECT s.id, c.id, 'L-' || g, 'Produk Lokal UMKM ' || g, 'Deskripsi produk lokal nomor ' || g || '.',
                   50000 + (g % 5000) * 500, 10, 0, 2, now(), now(), '{}'::text[], false, now(), now(), 1
            FROM generate_series(1, {{listings}}) g
            JOIN sellers s ON s.slug = 'toko-bench-' || ({{Sellers}} + 1 + g % {{Sellers}})
            JOIN bench_categories c ON NOT c.electronics AND c.n = 1 + g % c.total;
            """;
        await using (var load = new NpgsqlCommand(sql, connection))
        {
            load.CommandTimeout = 600;
            await load.ExecuteNonQueryAsync();
        }

        await VacuumAsync(data);
        await using var cluster = new NpgsqlCommand("SELECT id FROM clusters WHERE code = 'ELECTRONICS'", connection);
        return (int)(await cluster.ExecuteScalarAsync())!;
    }

    /// <summary>The floor: one UPDATE taking the same listings down, with no decisions recorded, rolled back.</summary>
    public static async Task<double> TimeBareUnpublishAsync(NpgsqlDataSource data, int clusterId)
    {
        await using var connection = await data.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            """
            UPDATE listings l SET state = 4, suspended_by = 0, state_changed_at = now()
            FROM categories c, sellers s
            WHERE c.id = l.category_id AND s.id = l.seller_id AND c.cluster_id = @cluster AND l.state = 2 AND (s.origin = 1 OR l.origin = 1)
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.CommandTimeout = 600;
        var watch = Stopwatch.StartNew();
        await command.ExecuteNonQueryAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        await transaction.RollbackAsync();
        return elapsed;
    }

    public static async Task VacuumAsync(NpgsqlDataSource data)
    {
        await using var connection = await data.OpenConnectionAsync();
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 };
        await vacuum.ExecuteNonQueryAsync();
    }
}

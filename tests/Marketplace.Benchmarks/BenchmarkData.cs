using System.Diagnostics;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>Bulk rows for benchmarks, written straight in SQL: this is set-up, not a path of the product.</summary>
internal static class BenchmarkData
{
    private const int Sellers = 50;

    /// <summary>One in this many cross-border listings in the open clusters carries words of the blocked cluster's goods.</summary>
    public const int DisguisedOneIn = 100;

    /// <summary>
    /// Loads <paramref name="inCluster"/> live cross-border listings in the cluster <paramref name="clusterCode"/> and
    /// <paramref name="elsewhere"/> live cross-border listings in the open clusters, one in <see cref="DisguisedOneIn"/> of
    /// which names goods of the first cluster ("sarung bantal batik" in Household), and returns the cluster's id.
    /// </summary>
    public static async Task<int> LoadAsync(NpgsqlDataSource data, string clusterCode, int inCluster, int elsewhere)
    {
        await using var connection = await data.OpenConnectionAsync();
        var sql = $$"""
            INSERT INTO asp_net_users (id, display_name, preferred_language, user_name, normalized_user_name, email, normalized_email,
                                       email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            SELECT 'bench-' || g, 'Bench ' || g, 'id', 'bench' || g || '@example.id', upper('bench' || g || '@example.id'),
                   'bench' || g || '@example.id', upper('bench' || g || '@example.id'), true, false, false, true, 0
            FROM generate_series(1, {{Sellers}}) g;

            INSERT INTO sellers (user_id, store_name, slug, origin, country_code, province, city, status, verification, opened_at)
            SELECT 'bench-' || g, 'Toko Bench ' || g, 'toko-bench-' || g, {{(int)SellerOrigin.CrossBorder}}, 'CN', 'Guangdong', 'Shenzhen',
                   {{(int)SellerStatus.Active}}, {{(int)OriginVerification.NotRequested}}, now()
            FROM generate_series(1, {{Sellers}}) g;

            CREATE TEMP TABLE bench_categories AS
            SELECT c.id, row_number() OVER (PARTITION BY k.code = @cluster ORDER BY c.id) AS n,
                   count(*) OVER (PARTITION BY k.code = @cluster) AS total, k.code = @cluster AS target
            FROM categories c JOIN clusters k ON k.id = c.cluster_id
            WHERE NOT EXISTS (SELECT 1 FROM categories child WHERE child.parent_id = c.id)
                AND (k.code = @cluster OR NOT EXISTS (SELECT 1 FROM cluster_blocks b WHERE b.cluster_id = k.id AND b.lifted_at IS NULL));

            INSERT INTO listings (seller_id, category_id, sku, title, description, search_title, search_description, price_idr, stock, origin, state,
                                  state_changed_at, published_at, reason_codes, misclassification_cleared, created_at, updated_at, version, weight_grams)
            SELECT s.id, c.id, 'B-' || g, 'Kaos Polos Katun Impor ' || g, 'Kaos impor nomor ' || g || ' untuk uji beban.',
                   'kaos polos katun impor', 'kaos impor nomor untuk uji beban', 100000 + (g % 5000) * 1000, 10,
                   {{(int)ProductOrigin.Imported}}, {{(int)ListingState.Published}}, now(), now(), '{}'::text[], false, now(), now(), 1, 500
            FROM generate_series(1, @in_cluster) g
            JOIN sellers s ON s.slug = 'toko-bench-' || (1 + g % {{Sellers}})
            JOIN bench_categories c ON c.target AND c.n = 1 + g % c.total;

            INSERT INTO listings (seller_id, category_id, sku, title, description, search_title, search_description, price_idr, stock, origin, state,
                                  state_changed_at, published_at, reason_codes, misclassification_cleared, created_at, updated_at, version, weight_grams)
            SELECT s.id, c.id, 'E-' || g, t.title || ' ' || g, t.title || ', barang impor nomor ' || g || ', siap kirim dari gudang.',
                   lower(t.title), 'barang impor nomor siap kirim dari gudang', 100000 + (g % 5000) * 1000, 10,
                   {{(int)ProductOrigin.Imported}}, {{(int)ListingState.Published}}, now(), now(), '{}'::text[], false, now(), now(), 1, 500
            FROM generate_series(1, @elsewhere) g
            CROSS JOIN LATERAL (SELECT CASE WHEN g % {{DisguisedOneIn}} = 0 THEN 'Sarung Bantal Motif Batik Parang' ELSE 'Wadah Penyimpanan Serbaguna' END AS title) t
            JOIN sellers s ON s.slug = 'toko-bench-' || (1 + g % {{Sellers}})
            JOIN bench_categories c ON NOT c.target AND c.n = 1 + g % c.total;
            """;
        await using (var load = new NpgsqlCommand(sql, connection))
        {
            load.Parameters.AddWithValue("cluster", clusterCode);
            load.Parameters.AddWithValue("in_cluster", inCluster);
            load.Parameters.AddWithValue("elsewhere", elsewhere);
            load.CommandTimeout = 1200;
            await load.ExecuteNonQueryAsync();
        }

        await VacuumAsync(data);
        await using var cluster = new NpgsqlCommand("SELECT id FROM clusters WHERE code = @cluster", connection);
        cluster.Parameters.AddWithValue("cluster", clusterCode);
        return (int)(await cluster.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The floor: what a block must at least do, with no locks, decisions or screening: one UPDATE taking the cluster's
    /// cross-border listings down and one holding the matching listings elsewhere, found by a plain substring, rolled back.
    /// </summary>
    public static async Task<double> TimeBareUpdateAsync(NpgsqlDataSource data, int clusterId)
    {
        await using var connection = await data.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE listings l SET state = {(int)ListingState.Suspended}, suspended_by = {(int)SuspensionSource.Policy}, state_changed_at = now()
            FROM categories c
            WHERE c.id = l.category_id AND c.cluster_id = @cluster AND l.state = {(int)ListingState.Published};

            UPDATE listings l SET state = {(int)ListingState.PendingReview}, state_changed_at = now()
            FROM categories c
            WHERE c.id = l.category_id AND c.cluster_id <> @cluster AND l.state = {(int)ListingState.Published}
                AND l.origin = {(int)ProductOrigin.Imported} AND l.search_title LIKE '%batik%';
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.CommandTimeout = 1200;
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

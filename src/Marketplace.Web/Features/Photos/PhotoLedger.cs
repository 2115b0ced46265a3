using Npgsql;

namespace Marketplace.Web.Features.Photos;

/// <summary>
/// The <see cref="StoredPhoto"/> rows: each shop's storage quota (<c>Images:MaxBytesPerShop</c>), checked when a photo is
/// recorded, and the photos no listing, review or complaint uses. Hand-written SQL for the advisory lock that makes the
/// quota hold under concurrent uploads.
/// </summary>
public sealed class PhotoLedger(NpgsqlDataSource data, TimeProvider clock, IConfiguration configuration)
{
    public const string StorageFullKey = "Seller.Image.StorageFull";

    /// <summary>The first key of the two-key advisory lock that serialises one shop's uploads (the second is the shop).</summary>
    private const int QuotaLockSpace = 26_004;

    /// <summary>A photo is used while one of these names it; otherwise, after the grace period, it is removed.</summary>
    private const string Unused = """
        NOT EXISTS (SELECT 1 FROM listing_images i WHERE i.stored_name = s.name)
        AND NOT EXISTS (SELECT 1 FROM product_reviews r WHERE r.image_name = s.name)
        AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.photos @> ARRAY[s.name]::text[])
        """;

    public long MaxBytesPerShop => configuration.GetValue("Images:MaxBytesPerShop", 2L * 1024 * 1024 * 1024);

    /// <summary>
    /// Records a photo about to be stored; for a shop, only when its photos with this one stay within the quota (false
    /// otherwise, and nothing is recorded). Recorded before the bytes are written, so a node that dies in between leaves a
    /// record the sweep removes, never bytes that nothing accounts for.
    /// </summary>
    public async Task<bool> RecordAsync(string name, int? sellerId, long sizeBytes, CancellationToken cancellationToken)
    {
        await using var connection = await data.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (sellerId is { } shop)
        {
            await using var wait = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@space, @seller)", connection, transaction);
            wait.Parameters.AddWithValue("space", QuotaLockSpace);
            wait.Parameters.AddWithValue("seller", shop);
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var record = new NpgsqlCommand("""
            INSERT INTO stored_photos (name, seller_id, size_bytes, stored_at)
            SELECT @name, @seller, @size, @now
            WHERE @seller IS NULL OR (SELECT coalesce(sum(size_bytes), 0) FROM stored_photos WHERE seller_id = @seller) + @size <= @max
            """, connection, transaction);
        record.Parameters.AddWithValue("name", name);
        record.Parameters.Add(new NpgsqlParameter<int?>("seller", NpgsqlTypes.NpgsqlDbType.Integer) { TypedValue = sellerId });
        record.Parameters.AddWithValue("size", sizeBytes);
        record.Parameters.AddWithValue("now", clock.GetUtcNow());
        record.Parameters.AddWithValue("max", MaxBytesPerShop);
        var recorded = await record.ExecuteNonQueryAsync(cancellationToken) == 1;
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    /// <summary>
    /// Records a photo copied from a node's old folder, counted against the shop whose listing uses it; true when it was
    /// not recorded yet. Outside the quota: the photo was stored before there was one.
    /// </summary>
    public async Task<bool> RecordCopiedAsync(string name, long sizeBytes, CancellationToken cancellationToken)
    {
        await using var record = data.CreateCommand("""
            INSERT INTO stored_photos (name, seller_id, size_bytes, stored_at)
            VALUES (@name, (SELECT l.seller_id FROM listing_images i JOIN listings l ON l.id = i.listing_id WHERE i.stored_name = @name ORDER BY i.id LIMIT 1), @size, @now)
            ON CONFLICT (name) DO NOTHING
            """);
        record.Parameters.AddWithValue("name", name);
        record.Parameters.AddWithValue("size", sizeBytes);
        record.Parameters.AddWithValue("now", clock.GetUtcNow());
        return await record.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Which of <paramref name="names"/> are recorded.</summary>
    public async Task<HashSet<string>> RecordedAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        await using var select = data.CreateCommand("SELECT name FROM stored_photos WHERE name = ANY(@names)");
        select.Parameters.AddWithValue("names", names.ToArray());
        return await ReadNamesAsync(select, cancellationToken);
    }

    /// <summary>Up to <paramref name="limit"/> photos stored before <paramref name="before"/> that nothing uses, oldest first.</summary>
    public async Task<HashSet<string>> UnusedAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var select = data.CreateCommand($"SELECT s.name FROM stored_photos s WHERE s.stored_at < @before AND {Unused} ORDER BY s.stored_at LIMIT @limit");
        select.Parameters.AddWithValue("before", before);
        select.Parameters.AddWithValue("limit", limit);
        return await ReadNamesAsync(select, cancellationToken);
    }

    /// <summary>Forgets removed photos, which frees their space in the shop's quota.</summary>
    public async Task ForgetAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        await using var delete = data.CreateCommand("DELETE FROM stored_photos WHERE name = ANY(@names)");
        delete.Parameters.AddWithValue("names", names.ToArray());
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<HashSet<string>> ReadNamesAsync(NpgsqlCommand select, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}

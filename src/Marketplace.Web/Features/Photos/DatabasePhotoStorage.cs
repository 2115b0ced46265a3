using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Web.Features.Photos;

/// <summary>
/// Photo objects as rows of <c>photo_blobs</c>: every node reads what any node wrote, and replicas carry them with the
/// rest of the data. Hand-written SQL so a photo's bytes go to the server as a stream parameter and never through the
/// change tracker.
/// </summary>
public sealed class DatabasePhotoStorage(NpgsqlDataSource data) : IPhotoStorage
{
    public async Task PutAsync(string key, string contentType, Stream content, CancellationToken cancellationToken)
    {
        await using var put = data.CreateCommand("""
            INSERT INTO photo_blobs (key, content_type, content) VALUES (@key, @type, @content)
            ON CONFLICT (key) DO UPDATE SET content_type = excluded.content_type, content = excluded.content
            """);
        put.Parameters.AddWithValue("key", key);
        put.Parameters.AddWithValue("type", contentType);
        put.Parameters.Add(new NpgsqlParameter("content", NpgsqlDbType.Bytea) { Value = content });
        await put.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<PhotoObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var get = data.CreateCommand("SELECT content_type, content FROM photo_blobs WHERE key = @key");
        get.Parameters.AddWithValue("key", key);
        await using var reader = await get.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var content = await reader.GetFieldValueAsync<byte[]>(1, cancellationToken);
        return new PhotoObject(new MemoryStream(content, writable: false), reader.GetString(0), content.Length);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        await using var exists = data.CreateCommand("SELECT EXISTS (SELECT 1 FROM photo_blobs WHERE key = @key)");
        exists.Parameters.AddWithValue("key", key);
        return (bool)(await exists.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var delete = data.CreateCommand("DELETE FROM photo_blobs WHERE key = ANY(@keys)");
        delete.Parameters.AddWithValue("keys", keys.ToArray());
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }
}

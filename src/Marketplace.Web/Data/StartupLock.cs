using Npgsql;

namespace Marketplace.Web.Data;

/// <summary>
/// A session-level PostgreSQL advisory lock held while a node migrates and loads reference data. It is released
/// when disposed, or by the server when the node's connection dies, so a crashed node never blocks the next one.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    // Any constant shared by every node; the text spells "mktstart".
    private const long Key = 0x6D6B_7473_7461_7274;

    private readonly NpgsqlConnection _connection;

    private StartupLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<StartupLock> AcquireAsync(NpgsqlDataSource dataSource)
    {
        var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("key", Key);
        await command.ExecuteNonQueryAsync();
        return new StartupLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection))
        {
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }
}

using Npgsql;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>A category row locked FOR UPDATE by a connection of the test's own, so work that shares it queues until released.</summary>
public sealed class HeldCategory : IAsyncDisposable
{
    private readonly NpgsqlTransaction _transaction;

    private HeldCategory(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        Connection = connection;
        _transaction = transaction;
    }

    public NpgsqlConnection Connection { get; }

    public static async Task<HeldCategory> LockAsync(string connectionString, string slug)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM categories WHERE slug = @slug FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("slug", slug);
        await command.ExecuteNonQueryAsync();
        return new HeldCategory(connection, transaction);
    }

    public Task ReleaseAsync() => _transaction.RollbackAsync();

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}

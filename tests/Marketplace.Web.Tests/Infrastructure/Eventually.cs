using Npgsql;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>
/// Waits for a condition the test can observe (a row, a state, a lock waiter, a file), reading it again and again with
/// no pause of its own: each read is a round trip, and the loop yields between reads. The ceiling only turns a hang
/// into a failure; no test relies on it for its outcome.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(90);

    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> until, string what)
    {
        using var ceiling = new CancellationTokenSource(Ceiling);
        var value = await read();
        while (!until(value))
        {
            if (ceiling.IsCancellationRequested)
            {
                throw new TimeoutException($"Still waiting for {what}; last seen: {value}");
            }

            await Task.Yield();
            value = await read();
        }

        return value;
    }

    /// <summary>Returns once some session of the database waits for a lock held by another, as pg_locks shows it.</summary>
    public static Task WaitForLockWaiterAsync(string connectionString) =>
        WaitForLockAsync(
            connectionString,
            "SELECT count(*) > 0 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()",
            null);

    /// <summary>Returns once some session queues behind a lock that <paramref name="holder"/>, the test's own connection, holds.</summary>
    public static Task WaitForWaiterBehindAsync(NpgsqlConnection holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return WaitForLockAsync(
            holder.ConnectionString,
            "SELECT EXISTS (SELECT 1 FROM pg_locks w WHERE NOT w.granted AND @holder = ANY(pg_blocking_pids(w.pid)))",
            holder.ProcessID);
    }

    private static async Task WaitForLockAsync(string connectionString, string sql, int? holder)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (holder is { } pid)
        {
            command.Parameters.AddWithValue("holder", pid);
        }

        await WaitForAsync(async () => (bool)(await command.ExecuteScalarAsync())!, waiting => waiting, "a transaction waiting on a row lock");
    }
}

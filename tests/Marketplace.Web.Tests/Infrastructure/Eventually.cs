using Npgsql;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>
/// Waits for a condition the test can observe (a row, a state, a lock waiter), polling it. The ceiling only turns a
/// hang into a failure; no test relies on it for its outcome.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

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

            await Task.Delay(Poll, CancellationToken.None);
            value = await read();
        }

        return value;
    }

    /// <summary>Returns once some session of the database waits for a lock held by another, as pg_locks shows it.</summary>
    public static Task WaitForLockWaiterAsync(string connectionString) =>
        WaitForAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()",
                    connection);
                return (long)(await command.ExecuteScalarAsync())!;
            },
            waiting => waiting > 0,
            "a transaction waiting on a row lock");
}

using Npgsql;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>Waits, by polling pg_locks, until another session queues behind a lock that a test's own connection holds.</summary>
public static class LockWaiters
{
    public static async Task WaitForWaiterBehindAsync(NpgsqlConnection holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        await using var probe = new NpgsqlConnection(holder.ConnectionString);
        await probe.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_locks w WHERE NOT w.granted AND @holder = ANY(pg_blocking_pids(w.pid)))", probe);
        command.Parameters.AddWithValue("holder", holder.ProcessID);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(bool)(await command.ExecuteScalarAsync())!)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "a session should queue behind the held lock");
            await Task.Delay(20);
        }
    }
}

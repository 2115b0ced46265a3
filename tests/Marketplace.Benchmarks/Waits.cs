using System.Diagnostics;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>Waits of the fault scripts on conditions they can observe, never on a length of time.</summary>
internal static class Waits
{
    /// <summary>
    /// Reads the condition again and again, yielding between reads with no pause of its own (each read is a round trip or a
    /// request), as the tests' Eventually does; a read that fails because the database is still away counts as "not yet".
    /// Past the ceiling it throws when told what it waited for, otherwise it returns false.
    /// </summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan ceiling, string? what)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < ceiling)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (Exception e) when (e is NpgsqlException or HttpRequestException)
            {
                // Not back yet.
            }

            await Task.Yield();
        }

        return what is null ? false : throw new TimeoutException($"Still waiting for {what}.");
    }

    /// <summary>Returns once <paramref name="path"/> exists: the fault script's sign that a step of its plan is done.</summary>
    public static async Task ForFileAsync(string path, CancellationToken cancellationToken)
    {
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path));
        var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Created += (_, _) => created.TrySetResult();
        watcher.EnableRaisingEvents = true;

        // Watching first, then looking: a file made in between is seen either way.
        if (!File.Exists(path))
        {
            await created.Task.WaitAsync(cancellationToken);
        }
    }
}

using System.Data;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Marketplace.Web.Features.Policy;

/// <summary>
/// Runs policy work in one READ COMMITTED transaction, retried when PostgreSQL aborts it for a deadlock or a
/// serialization failure, so retries stay invisible to the user. Work started inside a caller's transaction
/// (a CSV import committing as one unit) joins it instead, and the caller owns commit and retry. A preview
/// (<see cref="PreviewAsync"/>) runs the same work in a transaction that is always rolled back.
/// </summary>
internal static class PolicyTransaction
{
    private const int MaxAttempts = 6;

    /// <summary>Runs a policy write and then moves the <see cref="PolicyFence"/> past its commit.</summary>
    public static Task<T> RunAsync<T>(MarketplaceDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(db, work, advanceFence: true, cancellationToken);

    /// <summary>
    /// A seller's publication or edit: it leaves the fence where it is, since it can only hide that one seller's listing
    /// (the seller reads it from the primary until a replica has it, <c>StorefrontReads</c>); for everyone else a replica
    /// shows the listing as it was a moment earlier, which the policy allowed. Moving the fence on every save would keep
    /// replicas out of use whenever sellers are busy. A suspension the save earns goes through <see cref="RunAsync{T}(MarketplaceDbContext, Func{CancellationToken, Task{T}}, CancellationToken)"/>.
    /// </summary>
    public static Task<T> RunPublicationAsync<T>(MarketplaceDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(db, work, advanceFence: false, cancellationToken);

    private static async Task<T> RunAsync<T>(MarketplaceDbContext db, Func<CancellationToken, Task<T>> work, bool advanceFence, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            try
            {
                var result = await work(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                if (advanceFence)
                {
                    // Committed: the fence must move even if the request is being cancelled now.
                    await PolicyFence.AdvanceAsync(db, CancellationToken.None);
                }

                return result;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsTransient(e))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 40) * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Runs a save through its own code in a transaction that is then rolled back, so what a preview reports is what the
    /// save would do. A deadlock or serialization failure (or what <paramref name="alsoRetry"/> accepts, such as a row
    /// another admin just inserted) runs it again on the state the competing change left.
    /// </summary>
    public static async Task<T> PreviewAsync<T>(
        MarketplaceDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken, Func<Exception, bool>? alsoRetry = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            try
            {
                return await work(cancellationToken);
            }
            catch (Exception e) when (attempt < MaxAttempts && (IsTransient(e) || alsoRetry?.Invoke(e) == true))
            {
                // Nothing to undo beyond the rollback below; the next attempt reads afresh.
            }
            finally
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
            }
        }
    }

    public static NpgsqlCommand Command(MarketplaceDbContext db, string sql)
    {
        var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>A deadlock, a serialization failure or a row changed under a read: the work is safe to run again.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } => true,
        ConcurrentChangeException => true,
        DbUpdateConcurrencyException => true,
        _ => e.InnerException is not null && IsTransient(e.InnerException),
    };
}

/// <summary>Something a decision depends on changed between reading it and locking it; the work is retried.</summary>
internal sealed class ConcurrentChangeException() : Exception("A listing's category or seller changed while it was being decided.");

using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Marketplace.Web.Features.Policy;

/// <summary>
/// The policy fence: the primary's WAL position after the last policy write committed, one row every node reads. A
/// storefront read may use a replica only when the replica has replayed at least this far, so a block is in force on
/// replicas for every shopper the moment it returns (see <c>StorefrontReads</c>).
/// </summary>
public sealed class PolicyFence
{
    public const int RowId = 1;

    public int Id { get; init; }

    public NpgsqlLogSequenceNumber Position { get; init; }

    /// <summary>
    /// Moves the fence to the WAL inserted so far, never backwards (GREATEST under the row's lock), after the policy's
    /// transaction committed: a position taken inside it would lie before its own commit record. The insert position
    /// (not <c>pg_current_wal_lsn()</c>, the write position) covers a commit that is not flushed yet under
    /// <c>synchronous_commit = off</c>; a replica reaches it as soon as the WAL writer flushes.
    /// </summary>
    public static Task AdvanceAsync(MarketplaceDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE policy_fence SET position = GREATEST(position, pg_current_wal_insert_lsn()) WHERE id = {RowId}",
            cancellationToken);

    /// <summary>
    /// The fence as the primary holds it now, with the primary's insert position beside it: read per storefront request
    /// (a primary-key row); the second measures how far the replica lags (<see cref="Data.ReadReplicas.Observe"/>).
    /// </summary>
    public static Task<FenceReading> ReadAsync(MarketplaceDbContext primary, CancellationToken cancellationToken) =>
        primary.Database.SqlQuery<FenceReading>(
                $"SELECT position AS \"Fence\", pg_current_wal_insert_lsn() AS \"Primary\" FROM policy_fence WHERE id = {RowId}")
            .SingleAsync(cancellationToken);
}

/// <summary>The policy fence and the primary's WAL insert position, read together.</summary>
public sealed record FenceReading
{
    public NpgsqlLogSequenceNumber Fence { get; init; }

    public NpgsqlLogSequenceNumber Primary { get; init; }
}

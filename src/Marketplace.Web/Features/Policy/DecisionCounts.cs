using System.Data.Common;
using System.Runtime.CompilerServices;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Marketplace.Web.Features.Policy;

/// <summary>
/// Counts decisions in <see cref="MarketplaceMetrics"/> when their transaction commits: a retry after a deadlock and a
/// preview (rolled back) write decisions that never took effect. Registered as an interceptor on the DbContext.
/// </summary>
internal sealed class DecisionCounts : DbTransactionInterceptor
{
    // Npgsql hands the same transaction object to the next transaction on a pooled connection, so a tally is dropped
    // whenever a transaction starts or rolls back, not only once it commits.
    private static readonly ConditionalWeakTable<DbTransaction, Tally> Pending = new();

    /// <summary>Counts <paramref name="decisions"/> once the transaction they were written in commits, or now without one.</summary>
    public static void Add(MarketplaceDbContext db, IReadOnlyList<ListingDecision> decisions)
    {
        if (db.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            Pending.GetOrCreateValue(transaction).Add(decisions);
            return;
        }

        var tally = new Tally();
        tally.Add(decisions);
        tally.Record();
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Pending.Remove(result);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Pending.Remove(result);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Commit(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Commit(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Pending.Remove(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Pending.Remove(transaction);
        return Task.CompletedTask;
    }

    private static void Commit(DbTransaction transaction)
    {
        if (Pending.TryGetValue(transaction, out var tally))
        {
            Pending.Remove(transaction);
            tally.Record();
        }
    }

    private sealed class Tally
    {
        private readonly Dictionary<(int Cluster, string Outcome), long> _decisions = [];
        private readonly Dictionary<(int Cluster, string Reason), long> _holds = [];

        public void Add(IReadOnlyList<ListingDecision> decisions)
        {
            lock (_decisions)
            {
                foreach (var decision in decisions)
                {
                    var key = (decision.Facts.ClusterId, decision.Verdict.Outcome.ToString());
                    _decisions[key] = _decisions.GetValueOrDefault(key) + 1;
                    if (decision.NewState == ListingState.PendingReview && decision.Facts.State != ListingState.PendingReview)
                    {
                        var hold = (decision.Facts.ClusterId, decision.Verdict.Reasons.Count > 0 ? decision.Verdict.Reasons[0].Code : "none");
                        _holds[hold] = _holds.GetValueOrDefault(hold) + 1;
                    }
                }
            }
        }

        public void Record()
        {
            lock (_decisions)
            {
                foreach (var ((cluster, outcome), count) in _decisions)
                {
                    MarketplaceMetrics.PolicyDecisions.Add(count, Cluster(cluster), new KeyValuePair<string, object?>("outcome", outcome));
                }

                foreach (var ((cluster, reason), count) in _holds)
                {
                    MarketplaceMetrics.ScreeningHolds.Add(count, Cluster(cluster), new KeyValuePair<string, object?>("reason", reason));
                }
            }
        }

        private static KeyValuePair<string, object?> Cluster(int id) => new("cluster_id", id);
    }
}

using Marketplace.Domain.Audit;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Policy;
using Marketplace.Domain;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Web.Features.Enforcement;

/// <summary>
/// Counts the compliance report's decision figures for closed WIB days into decision_day_counts, and the time each review
/// took into review_times, so the report reads a few rows per closed day and one per review, and counts only the days
/// since from policy_decisions and admin_actions (<see cref="ComplianceReport"/>). A day
/// is closed once it ended <see cref="EnforcementOptions.ComplianceRollupGraceMinutes"/> ago by the site's clock, and
/// every run counts the last closed day again, so a decision whose transaction committed after its day was first
/// counted is in the figures from the next run on. Set-based statements over the decisions as they stand, run by
/// <see cref="ComplianceRollupJob"/> under the shared job lease; the policy's writers know nothing of it.
/// </summary>
public sealed class ComplianceRollup(NpgsqlDataSource data, TimeProvider clock, IOptions<EnforcementOptions> options)
{
    public const string MarkName = "decision-day-counts";

    /// <summary>Days counted in one transaction, so catching up on a long history never holds one transaction for all of it.</summary>
    private const int DaysPerTransaction = 31;

    private static readonly string SellerAttempts = string.Join(", ", Enum.GetValues<DecisionTrigger>().Where(StrikeRules.IsSellerAttempt).Select(t => (int)t));

    /// <summary>The first day the rollup does not hold, or null before its first run.</summary>
    internal static readonly string MarkSql = $"SELECT until FROM rollup_marks WHERE name = '{MarkName}'";

    /// <summary>
    /// The decision figures per WIB day and cluster of the decisions from <paramref name="from"/> (inclusive) to
    /// <paramref name="to"/> (exclusive), two instant expressions: attempts by sellers the policy blocked, decisions that
    /// held a listing for review, and approvals by an admin that released one. The one definition the rollup and the
    /// report's days since share.
    /// </summary>
    internal static string CountDecisionsSql(string from, string to) => $"""
        SELECT {Wib.DaySql("decided_at")} AS day, coalesce(cluster_id, 0) AS cluster_id,
               count(*) FILTER (WHERE outcome = {(int)PolicyOutcome.Blocked} AND trigger IN ({SellerAttempts})) AS blocked,
               count(*) FILTER (WHERE outcome = {(int)PolicyOutcome.NeedsReview}) AS held,
               count(*) FILTER (WHERE trigger = {(int)DecisionTrigger.AdminApproval} AND outcome = {(int)PolicyOutcome.Allowed}) AS released
        FROM policy_decisions
        WHERE decided_at >= {from} AND decided_at < {to}
        GROUP BY 1, 2
        """;

    /// <summary>
    /// Each approval or rejection by an admin from <paramref name="from"/> to <paramref name="to"/> (instant expressions)
    /// with its WIB day and the seconds since the hold: the listing's last decision sending it to review before the action.
    /// </summary>
    internal static string ReviewTimesSql(string from, string to) => $"""
        SELECT a.id, {Wib.DaySql("a.at")} AS day, extract(epoch FROM a.at - h.decided_at)::double precision AS seconds
        FROM admin_actions a
        CROSS JOIN LATERAL (
            SELECT p.decided_at FROM policy_decisions p
            WHERE p.listing_id = a.listing_id AND p.outcome = {(int)PolicyOutcome.NeedsReview} AND p.decided_at <= a.at
            ORDER BY p.decided_at DESC LIMIT 1) h
        WHERE a.kind IN ({(int)AdminActionKind.ListingApproved}, {(int)AdminActionKind.ListingRejected}) AND a.at >= {from} AND a.at < {to}
        """;

    private static readonly string CountSql = $"""
        INSERT INTO decision_day_counts (day, cluster_id, blocked, held, released)
        {CountDecisionsSql("@start", "@end")}
        ON CONFLICT (day, cluster_id) DO UPDATE SET blocked = excluded.blocked, held = excluded.held, released = excluded.released;
        INSERT INTO review_times (admin_action_id, day, seconds)
        {ReviewTimesSql("@start", "@end")}
        ON CONFLICT (admin_action_id) DO UPDATE SET day = excluded.day, seconds = excluded.seconds;
        INSERT INTO rollup_marks (name, until) VALUES ('{MarkName}', @until)
        ON CONFLICT (name) DO UPDATE SET until = greatest(rollup_marks.until, excluded.until);
        """;

    /// <summary>
    /// Counts every closed day the rollup does not hold yet, and the last closed day again; returns the first day it
    /// does not hold, or null while there are no decisions.
    /// </summary>
    public async Task<DateOnly?> RollAsync(CancellationToken cancellationToken)
    {
        var closed = Wib.DayOf(clock.GetUtcNow() - TimeSpan.FromMinutes(options.Value.ComplianceRollupGraceMinutes));
        await using var connection = await data.OpenConnectionAsync(cancellationToken);
        var mark = await ScalarAsync<DateOnly>(connection, MarkSql, cancellationToken);
        var first = mark?.AddDays(-1) ?? await FirstDayAsync(connection, cancellationToken);
        if (first is not { } from)
        {
            return null;
        }

        while (from < closed)
        {
            var until = DateOnly.FromDayNumber(Math.Min(from.DayNumber + DaysPerTransaction, closed.DayNumber));
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var count = new NpgsqlCommand(CountSql, connection, transaction))
            {
                count.Parameters.AddWithValue("start", Wib.StartOf(from));
                count.Parameters.AddWithValue("end", Wib.StartOf(until));
                count.Parameters.AddWithValue("until", until);
                await count.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            from = until;
        }

        return await ScalarAsync<DateOnly>(connection, MarkSql, cancellationToken);
    }

    private static async Task<DateOnly?> FirstDayAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await ScalarAsync<DateTimeOffset>(connection, "SELECT min(decided_at) FROM policy_decisions", cancellationToken) is { } at ? Wib.DayOf(at) : null;

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
        where T : struct
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetFieldValue<T>(0) : null;
    }
}

using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Photos;
using Npgsql;

namespace Marketplace.Web.Features.Policy;

/// <summary>
/// One listing being decided: where it is placed, the state columns it has now (read under a row lock), and the
/// <see cref="PolicySubject"/> the policy judges. The facts themselves (cross-border, closure applies, ...) are
/// <see cref="PlacedListings"/>'.
/// </summary>
internal sealed record ListingUnderDecision(
    long Id,
    int SellerId,
    int CategoryId,
    int ClusterId,
    ListingStateColumns Current,
    PolicySubject Subject)
{
    public ListingState State => Current.State;

    public SuspensionSource? SuspendedBy => Current.SuspendedBy;

    public IReadOnlyList<string> ReasonCodes => Current.ReasonCodes;
}

/// <summary>
/// Which listings a decision run covers, as a SQL condition over <c>l</c> (listings), <c>s</c> (sellers) and <c>c</c>
/// (categories). <see cref="LooksUpEveryPhoto"/> when the listings are named (a publication, an edit, the listings a
/// sweep moves): each photo is then looked up among the banned ones; a wide sweep looks up only the listings a photo
/// holds, which keeps them held, since a live listing's photos were looked up when it was published or edited.
/// </summary>
internal sealed record DecisionScope(string Condition, IReadOnlyList<NpgsqlParameter> Parameters, bool LooksUpEveryPhoto = false)
{
    public static DecisionScope Listings(IReadOnlyCollection<long> ids) =>
        new("l.id = ANY(@scope_ids)", [new NpgsqlParameter("scope_ids", ids.ToArray())], LooksUpEveryPhoto: true);

    /// <summary>Live listings of a cluster that a closure acts on: what a block takes down or holds.</summary>
    public static DecisionScope LiveCrossBorderInCluster(int clusterId) =>
        new($"c.cluster_id = @scope_cluster AND {PlacedListingSql.ClosureApplies} AND l.state = {(int)ListingState.Published}", [new NpgsqlParameter("scope_cluster", clusterId)]);

    /// <summary>Listings of a cluster that the rules took down or hold: what opening it may bring back.</summary>
    public static DecisionScope SuspendedByPolicyInCluster(int clusterId) =>
        new(
            $"""
            c.cluster_id = @scope_cluster AND {PlacedListingSql.ClosureApplies}
            AND ((l.state = {(int)ListingState.Suspended} AND l.suspended_by = {(int)SuspensionSource.Policy})
                 OR (l.state = {(int)ListingState.PendingReview} AND @scope_unverified = ANY(l.reason_codes)))
            """,
            [new NpgsqlParameter("scope_cluster", clusterId), new NpgsqlParameter("scope_unverified", ReasonCodes.UnverifiedLocalOrigin)]);

    /// <summary>A shop's listings the rules can act on, with those waiting only for its origin to be verified.</summary>
    public static DecisionScope RuleCandidatesAndOriginHoldsOfSeller(int sellerId) =>
        new(
            $"""
            l.seller_id = @scope_seller
            AND ({PlacedListingSql.RuleChangeCandidate} OR (l.state = {(int)ListingState.PendingReview} AND @scope_unverified = ANY(l.reason_codes)))
            """,
            [new NpgsqlParameter("scope_seller", sellerId), new NpgsqlParameter("scope_unverified", ReasonCodes.UnverifiedLocalOrigin)]);

    /// <summary>Live cross-border listings in every other cluster, not yet cleared by an admin: what a closure screens.</summary>
    public static DecisionScope LiveCrossBorderOutsideCluster(int clusterId) =>
        new(
            $"c.cluster_id <> @scope_cluster AND {PlacedListingSql.CrossBorder} AND l.state = {(int)ListingState.Published} AND NOT l.misclassification_cleared",
            [new NpgsqlParameter("scope_cluster", clusterId)]);

    /// <summary>
    /// Listings waiting because they read like a closed cluster's goods: cross-border words, or a photo re-used from a
    /// listing refused for a closed cluster. What an opening may release.
    /// </summary>
    public static DecisionScope HeldAsClosedClusterGoods() =>
        new(
            $"""
            l.state = {(int)ListingState.PendingReview}
            AND (({PlacedListingSql.CrossBorder} AND @scope_reason = ANY(l.reason_codes)) OR @scope_photo = ANY(l.reason_codes))
            """,
            [new NpgsqlParameter("scope_reason", ReasonCodes.SuspectedMisclassification), new NpgsqlParameter("scope_photo", ReasonCodes.PhotoMatchesBannedListing)]);

    /// <summary>A category's listings the rules act on, with those waiting for review: a move may hold or release them.</summary>
    public static DecisionScope RuleCandidatesAndHeldInCategory(int categoryId) =>
        new($"l.category_id = @scope_category AND ({PlacedListingSql.RuleChangeCandidate} OR l.state = {(int)ListingState.PendingReview})", [new NpgsqlParameter("scope_category", categoryId)]);

    public static DecisionScope CrossBorderRuleCandidates() => new($"{PlacedListingSql.CrossBorder} AND {PlacedListingSql.RuleChangeCandidate}", []);
}

internal static class ListingsUnderDecision
{
    /// <summary>
    /// Reads the listings in scope and locks them FOR UPDATE; callers have already locked clusters, categories and sellers.
    /// Each listing the photo rule can hold carries its photo match (<see cref="DecisionScope.LooksUpEveryPhoto"/>), so every decision path sees it.
    /// </summary>
    public static Task<IReadOnlyList<ListingUnderDecision>> ReadForUpdateAsync(
        MarketplaceDbContext db, DecisionScope scope, LoadedPolicy policy, PhotoMatches photos, CancellationToken cancellationToken) =>
        ReadAsync(db, scope, policy, photos, lockRows: true, cancellationToken);

    /// <summary>Reads the listings in scope, locking them only when <paramref name="lockRows"/> (a preview or a screening pass does not).</summary>
    public static async Task<IReadOnlyList<ListingUnderDecision>> ReadAsync(
        MarketplaceDbContext db, DecisionScope scope, LoadedPolicy policy, PhotoMatches photos, bool lockRows, CancellationToken cancellationToken)
    {
        var facts = await ReadRowsAsync(db, scope, policy, lockRows, cancellationToken);
        return await WithPhotoMatchesAsync(facts, scope, policy, photos, cancellationToken);
    }

    /// <summary>
    /// Photos re-used from listings refused or taken down for a closed cluster, for the listings that rule can hold
    /// (cross-border, or local claims not yet verified, and not cleared by an admin).
    /// </summary>
    private static async Task<IReadOnlyList<ListingUnderDecision>> WithPhotoMatchesAsync(
        List<ListingUnderDecision> facts, DecisionScope scope, LoadedPolicy policy, PhotoMatches photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photos);
        var candidates = facts
            .Where(f => f.Subject.ClosureApplies && !f.Subject.MisclassificationCleared)
            .Where(f => scope.LooksUpEveryPhoto || f.ReasonCodes.Contains(ReasonCodes.PhotoMatchesBannedListing))
            .Select(f => f.Id)
            .ToList();
        if (candidates.Count == 0)
        {
            return facts;
        }

        var matches = await photos.BannedMatchesAsync(candidates, cancellationToken);
        return facts
            .Select(f => matches.TryGetValue(f.Id, out var m)
                ? f with { Subject = f.Subject with { MatchedPhoto = new MatchedPhoto(m.MatchedListingId, policy.Clusters[m.MatchedClusterId]) } }
                : f)
            .ToList();
    }

    private static async Task<List<ListingUnderDecision>> ReadRowsAsync(
        MarketplaceDbContext db, DecisionScope scope, LoadedPolicy policy, bool lockRows, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT l.id, l.seller_id, l.category_id, c.cluster_id, l.state, l.suspended_by, l.reason_codes,
                   l.title, l.description, l.price_idr, l.origin, l.misclassification_cleared,
                   s.origin, s.status, c.hs_chapters, s.verified_at IS NULL,
                   l.state_note, l.state_changed_at, l.published_at, s.store_name,
                   (SELECT string_agg(concat_ws(' ', v.name1, v.value1, v.name2, v.value2), E'\n' ORDER BY v.position)
                    FROM listing_variants v WHERE v.listing_id = l.id)
            FROM listings l
            JOIN sellers s ON s.id = l.seller_id
            JOIN categories c ON c.id = l.category_id
            WHERE {scope.Condition}
            ORDER BY l.id
            {(lockRows ? "FOR UPDATE OF l" : string.Empty)}
            """;
        await using var command = PolicyTransaction.Command(db, sql);
        foreach (var parameter in scope.Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        var facts = new List<ListingUnderDecision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var clusterId = reader.GetInt32(3);
            var subject = new PolicySubject(
                reader.GetString(7),
                reader.GetString(8),
                new Rupiah(reader.GetInt64(9)),
                (ProductOrigin)reader.GetInt32(10),
                (SellerOrigin)reader.GetInt32(12),
                (SellerStatus)reader.GetInt32(13),
                policy.Clusters[clusterId],
                reader.GetFieldValue<int[]>(14),
                reader.GetBoolean(11))
            {
                LocalOriginUnverified = reader.GetBoolean(15),
                StoreName = reader.GetString(19),
                VariantText = reader.IsDBNull(20) ? string.Empty : reader.GetString(20),
            };
            facts.Add(new ListingUnderDecision(
                reader.GetInt64(0),
                reader.GetInt32(1),
                reader.GetInt32(2),
                clusterId,
                new ListingStateColumns(
                    (ListingState)reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : (SuspensionSource)reader.GetInt32(5),
                    reader.GetFieldValue<string[]>(6),
                    reader.IsDBNull(16) ? null : reader.GetString(16),
                    reader.GetFieldValue<DateTimeOffset>(17),
                    reader.IsDBNull(18) ? null : reader.GetFieldValue<DateTimeOffset>(18)),
                subject));
        }

        return facts;
    }
}

using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Screening;
using Npgsql;

namespace Marketplace.Web.Features.Policy;

/// <summary>One listing as the policy sees it, with the state it is in, read under a row lock.</summary>
internal sealed record ListingFacts(
    long Id,
    int SellerId,
    int CategoryId,
    int ClusterId,
    ListingState State,
    SuspensionSource? SuspendedBy,
    IReadOnlyList<string> ReasonCodes,
    PolicySubject Subject);

/// <summary>Which listings a decision run covers, as a SQL condition over <c>l</c> (listings), <c>s</c> (sellers) and <c>c</c> (categories).</summary>
internal sealed record ListingScope(string Condition, IReadOnlyList<NpgsqlParameter> Parameters)
{
    private const string CrossBorder = "(s.origin = 1 OR l.origin = 1)";
    private const string RuleChangeCandidate = "(l.state = 2 OR (l.state = 4 AND l.suspended_by = 0))";

    public static ListingScope Listings(IReadOnlyCollection<long> ids) =>
        new("l.id = ANY(@scope_ids)", [new NpgsqlParameter("scope_ids", ids.ToArray())]);

    /// <summary>Live cross-border listings of a cluster: what a block takes down.</summary>
    public static ListingScope LiveCrossBorderInCluster(int clusterId) =>
        new($"c.cluster_id = @scope_cluster AND {CrossBorder} AND l.state = 2", [new NpgsqlParameter("scope_cluster", clusterId)]);

    /// <summary>Cross-border listings of a cluster that the rules took down: what opening it may bring back.</summary>
    public static ListingScope SuspendedByPolicyInCluster(int clusterId) =>
        new($"c.cluster_id = @scope_cluster AND {CrossBorder} AND l.state = 4 AND l.suspended_by = 0", [new NpgsqlParameter("scope_cluster", clusterId)]);

    public static ListingScope RuleCandidatesInCategory(int categoryId) =>
        new($"l.category_id = @scope_category AND {RuleChangeCandidate}", [new NpgsqlParameter("scope_category", categoryId)]);

    public static ListingScope RuleCandidatesOfSeller(int sellerId) =>
        new($"l.seller_id = @scope_seller AND {RuleChangeCandidate}", [new NpgsqlParameter("scope_seller", sellerId)]);

    public static ListingScope CrossBorderRuleCandidates() => new($"{CrossBorder} AND {RuleChangeCandidate}", []);
}

internal static class ListingFactsReader
{
    /// <summary>
    /// Reads the listings in scope and locks them FOR UPDATE; callers have already locked clusters, categories and sellers.
    /// Each cross-border listing not yet cleared by an admin carries the text model's reading of it, so every decision path has it.
    /// </summary>
    public static async Task<IReadOnlyList<ListingFacts>> ReadForUpdateAsync(
        MarketplaceDbContext db, ListingScope scope, LoadedPolicy policy, ScreeningModels models, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        var model = await models.CurrentAsync(db, cancellationToken);
        var clustersByCode = policy.Clusters.Values.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var sql = $"""
            SELECT l.id, l.seller_id, l.category_id, c.cluster_id, l.state, l.suspended_by, l.reason_codes,
                   l.title, l.description, l.price_idr, l.origin, l.misclassification_cleared,
                   s.origin, s.status, c.hs_chapters
            FROM listings l
            JOIN sellers s ON s.id = l.seller_id
            JOIN categories c ON c.id = l.category_id
            WHERE {scope.Condition}
            ORDER BY l.id
            FOR UPDATE OF l
            """;
        await using var command = PolicyTransaction.Command(db, sql);
        foreach (var parameter in scope.Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        var facts = new List<ListingFacts>();
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
                reader.GetBoolean(11));
            if (model is not null && subject.IsCrossBorder && !subject.MisclassificationCleared)
            {
                subject = subject with { Predicted = model.Classify(subject.Title, subject.Description, subject.Cluster, clustersByCode) };
            }

            facts.Add(new ListingFacts(
                reader.GetInt64(0),
                reader.GetInt32(1),
                reader.GetInt32(2),
                clusterId,
                (ListingState)reader.GetInt32(4),
                reader.IsDBNull(5) ? null : (SuspensionSource)reader.GetInt32(5),
                reader.GetFieldValue<string[]>(6),
                subject));
        }

        return facts;
    }
}

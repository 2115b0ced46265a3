using Marketplace.Web.Data;

namespace Marketplace.Web.Features.Policy;

/// <summary>
/// Locks that order every decision against every rule change. All policy work takes them in one order: clusters, then
/// categories, then sellers, then listings. Rule changes lock what they change exclusively; decisions lock what they
/// read shared, so a publish and a block of the same cluster serialise, and the one that commits second sees the
/// other's result. Each row is locked through a transaction-scoped advisory lock first: PostgreSQL queues those in
/// order, so a rule change waits only for the decisions already running, while row locks alone let a steady stream of
/// shared lockers starve it. The row lock after it keeps writers outside the policy ordered as before.
/// </summary>
internal static class PolicyLocks
{
    private const string Clusters = "clusters";
    private const string Categories = "categories";
    private const string Sellers = "sellers";

    public static Task ShareClustersAsync(MarketplaceDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken) =>
        LockAsync(db, Clusters, ids.Distinct().Order().ToArray(), exclusive: false, cancellationToken);

    public static Task ShareAllClustersAsync(MarketplaceDbContext db, CancellationToken cancellationToken) =>
        LockAllClustersAsync(db, exclusive: false, cancellationToken);

    public static Task UpdateAllClustersAsync(MarketplaceDbContext db, CancellationToken cancellationToken) =>
        LockAllClustersAsync(db, exclusive: true, cancellationToken);

    public static Task ShareCategoriesAsync(MarketplaceDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken) =>
        LockAsync(db, Categories, ids.Distinct().Order().ToArray(), exclusive: false, cancellationToken);

    public static Task UpdateCategoryAsync(MarketplaceDbContext db, int id, CancellationToken cancellationToken) =>
        LockAsync(db, Categories, [id], exclusive: true, cancellationToken);

    public static Task ShareSellersAsync(MarketplaceDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken) =>
        LockAsync(db, Sellers, ids.Distinct().Order().ToArray(), exclusive: false, cancellationToken);

    public static Task UpdateSellerAsync(MarketplaceDbContext db, int id, CancellationToken cancellationToken) =>
        LockAsync(db, Sellers, [id], exclusive: true, cancellationToken);

    private static Task LockAllClustersAsync(MarketplaceDbContext db, bool exclusive, CancellationToken cancellationToken) =>
        LockAsync(db, Clusters, ids: null, exclusive, cancellationToken);

    /// <summary>
    /// The advisory locks, one by one in id order, then the rows, both in the same mode: the rows named by
    /// <paramref name="ids"/>, or every row of the table when null.
    /// </summary>
    private static async Task LockAsync(MarketplaceDbContext db, string table, int[]? ids, bool exclusive, CancellationToken cancellationToken)
    {
        if (ids is { Length: 0 })
        {
            return;
        }

        var rows = ids is null ? $"SELECT id FROM {table}" : $"SELECT id FROM {table} WHERE id = ANY(@ids)";
        var advisory = exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared";
        await using var command = PolicyTransaction.Command(
            db,
            $"SELECT {advisory}(@space, r.id) FROM ({rows} ORDER BY id) r;" +
            $"{rows} ORDER BY id FOR {(exclusive ? "UPDATE" : "SHARE")}");
        command.Parameters.AddWithValue("space", SpaceOf(table));
        if (ids is not null)
        {
            command.Parameters.AddWithValue("ids", ids);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The first key of a table's advisory locks (the second is the row's id). Two-key advisory locks do not meet the
    /// one-key locks the start-up and search maintenance take.
    /// </summary>
    private static int SpaceOf(string table) => table switch
    {
        Clusters => 1,
        Categories => 2,
        Sellers => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Not a table the policy locks."),
    };
}

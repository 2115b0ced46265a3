using Marketplace.Web.Data;

namespace Marketplace.Web.Features.Policy;

/// <summary>
/// Row locks that order every decision against every rule change. All policy work takes them in one order:
/// clusters, then categories, then sellers, then listings. Rule changes lock what they change FOR UPDATE;
/// decisions lock what they read FOR SHARE, so a publish and a block of the same cluster serialise, and the
/// one that commits second sees the other's result.
/// </summary>
internal static class PolicyLocks
{
    public static Task ShareClustersAsync(MarketplaceDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken) =>
        LockAsync(db, "clusters", ids.Distinct().Order().ToArray(), "SHARE", cancellationToken);

    public static Task ShareAllClustersAsync(MarketplaceDbContext db, CancellationToken cancellationToken) =>
        ExecuteAsync(db, "SELECT 1 FROM clusters ORDER BY id FOR SHARE", cancellationToken);

    public static Task UpdateAllClustersAsync(MarketplaceDbContext db, CancellationToken cancellationToken) =>
        ExecuteAsync(db, "SELECT 1 FROM clusters ORDER BY id FOR UPDATE", cancellationToken);

    public static Task UpdateClusterAsync(MarketplaceDbContext db, int id, CancellationToken cancellationToken) =>
        LockAsync(db, "clusters", [id], "UPDATE", cancellationToken);

    public static Task ShareCategoriesAsync(MarketplaceDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken) =>
        LockAsync(db, "categories", ids.Distinct().Order().ToArray(), "SHARE", cancellationToken);

    public static Task UpdateCategoryAsync(MarketplaceDbContext db, int id, CancellationToken cancellationToken) =>
        LockAsync(db, "categories", [id], "UPDATE", cancellationToken);

    public static Task ShareSellersAsync(MarketplaceDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken) =>
        LockAsync(db, "sellers", ids.Distinct().Order().ToArray(), "SHARE", cancellationToken);

    public static Task UpdateSellerAsync(MarketplaceDbContext db, int id, CancellationToken cancellationToken) =>
        LockAsync(db, "sellers", [id], "UPDATE", cancellationToken);

    private static async Task LockAsync(MarketplaceDbContext db, string table, int[] ids, string mode, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return;
        }

        await using var command = PolicyTransaction.Command(db, $"SELECT 1 FROM {table} WHERE id = ANY(@ids) ORDER BY id FOR {mode}");
        command.Parameters.AddWithValue("ids", ids);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(MarketplaceDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = PolicyTransaction.Command(db, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

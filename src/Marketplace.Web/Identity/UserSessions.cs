using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Identity;

/// <summary>
/// Ends every session of a user on every node: cookies carry the security stamp they were issued with, and the stamp is
/// checked against the database on each request (ValidationInterval zero), so a new stamp refuses them all at once.
/// Runs in the caller's transaction, beside the change (a suspension) that ends the sessions.
/// </summary>
public static class UserSessions
{
    public static Task EndEverywhereAsync(MarketplaceDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        return db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), cancellationToken);
    }
}

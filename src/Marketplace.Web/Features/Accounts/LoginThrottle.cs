using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Accounts;

public sealed class LoginThrottleSettings
{
    public int PerAddress { get; set; } = 20;

    public int PerAccount { get; set; } = 10;

    public int WindowMinutes { get; set; } = 15;

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);
}

/// <summary>
/// Failed log-ins per client address and per account in a sliding window, counted in PostgreSQL across nodes. Past either
/// limit, log-in answers 429 until the oldest failure in the window expires. Identity's own lockout still applies.
/// </summary>
public sealed class LoginThrottle(MarketplaceDbContext db, LoginThrottleSettings settings, TimeProvider clock)
{
    /// <returns>How long the client must wait, or null when it may try.</returns>
    public async Task<TimeSpan?> WaitAsync(string address, string account, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - settings.Window;
        string addressKey = AddressKey(address), accountKey = AccountKey(account);
        var counts = await db.LoginFailures
            .Where(f => (f.Key == addressKey || f.Key == accountKey) && f.At > since)
            .GroupBy(f => f.Key)
            .Select(g => new { g.Key, Count = g.Count(), Oldest = g.Min(f => f.At) })
            .ToListAsync(cancellationToken);
        var over = counts.Where(c => c.Count >= (c.Key == addressKey ? settings.PerAddress : settings.PerAccount)).ToList();
        return over.Count == 0 ? null : over.Max(c => c.Oldest + settings.Window - now);
    }

    /// <returns>The account's failures in the window, this one included.</returns>
    public async Task<int> FailedAsync(string address, string account, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - settings.Window;
        var accountKey = AccountKey(account);
        db.LoginFailures.AddRange(new LoginFailure(AddressKey(address), now), new LoginFailure(accountKey, now));
        await db.SaveChangesAsync(cancellationToken);
        await db.LoginFailures.Where(f => f.At <= since).ExecuteDeleteAsync(cancellationToken);
        return await db.LoginFailures.CountAsync(f => f.Key == accountKey && f.At > since, cancellationToken);
    }

    private static string AddressKey(string address) => "address:" + address;

    private static string AccountKey(string account) => "account:" + account.ToUpperInvariant();
}

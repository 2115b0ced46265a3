using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Accounts;

public sealed class MailThrottleSettings
{
    public int PerRecipient { get; set; } = 3;

    public int PerAddress { get; set; } = 30;

    public int WindowMinutes { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);
}

/// <summary>
/// How many e-mails the account forms send on request, per recipient and per client address in a sliding window: past
/// either, the form answers as usual and sends nothing, so it can neither flood an inbox nor tell which addresses exist.
/// </summary>
public sealed class MailThrottle(MarketplaceDbContext db, MailThrottleSettings settings, TimeProvider clock)
{
    /// <returns>True when one more e-mail to <paramref name="recipient"/> may go, now counted; false when it must not.</returns>
    public async Task<bool> TryTakeAsync(string recipient, string address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - settings.Window;
        string recipientKey = "to:" + recipient.Trim().ToUpperInvariant(), addressKey = "from:" + address;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Both keys locked in one order for the transaction: a burst for one recipient counts one request after another,
        // where a count and an insert alone would let every request of the burst see the same count.
        foreach (var key in new[] { recipientKey, addressKey }.Order(StringComparer.Ordinal))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
        }

        var counts = await db.AccountMailSends
            .Where(s => (s.Key == recipientKey || s.Key == addressKey) && s.At > since)
            .GroupBy(s => s.Key)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.Key, c => c.Count, cancellationToken);
        if (counts.GetValueOrDefault(recipientKey) >= settings.PerRecipient || counts.GetValueOrDefault(addressKey) >= settings.PerAddress)
        {
            return false;
        }

        db.AccountMailSends.AddRange(new AccountMailSend(recipientKey, now), new AccountMailSend(addressKey, now));
        await db.SaveChangesAsync(cancellationToken);
        await db.AccountMailSends.Where(s => s.At <= since).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

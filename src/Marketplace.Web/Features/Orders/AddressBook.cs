using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Orders;

/// <summary>A shopper's saved addresses: the default one fills in checkout, and checkout saves the address an order went to.</summary>
public sealed class AddressBook(MarketplaceDbContext db, TimeProvider clock)
{
    public async Task<ShippingAddress?> DefaultAsync(string userId, CancellationToken cancellationToken) =>
        (await db.SavedAddresses.AsNoTracking().Where(a => a.UserId == userId && a.IsDefault).FirstOrDefaultAsync(cancellationToken))?.Address;

    public async Task<IReadOnlyList<SavedAddress>> ListAsync(string userId, CancellationToken cancellationToken) =>
        await db.SavedAddresses.AsNoTracking().Where(a => a.UserId == userId).OrderByDescending(a => a.IsDefault).ThenByDescending(a => a.SavedAt).ToListAsync(cancellationToken);

    /// <summary>
    /// Makes the address the shopper's default, adding it unless an equal one is saved. The caller saves the changes (checkout
    /// does, inside the order's transaction); beyond <see cref="SavedAddress.MaxPerShopper"/> the oldest non-default goes.
    /// </summary>
    public async Task SaveDefaultAsync(string userId, ShippingAddress address, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var saved = await db.SavedAddresses.Where(a => a.UserId == userId).ToListAsync(cancellationToken);
        foreach (var other in saved.Where(a => a.IsDefault && a.Address != address))
        {
            other.ClearDefault();
        }

        // The old default is cleared in its own statement first, so the one-default index never sees two at once.
        await db.SaveChangesAsync(cancellationToken);
        var entry = saved.FirstOrDefault(a => a.Address == address);
        if (entry is null)
        {
            entry = new SavedAddress(userId, address, at);
            db.SavedAddresses.Add(entry);
            foreach (var oldest in saved.Where(a => !a.IsDefault).OrderBy(a => a.SavedAt).Skip(SavedAddress.MaxPerShopper - 1))
            {
                db.SavedAddresses.Remove(oldest);
            }
        }

        entry.MakeDefault(at);
    }

    /// <summary>Removes one of the shopper's own addresses; another shopper's id changes nothing.</summary>
    public Task RemoveAsync(string userId, long id, CancellationToken cancellationToken) =>
        db.SavedAddresses.Where(a => a.UserId == userId && a.Id == id).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Makes one of the shopper's saved addresses the default.</summary>
    public async Task MakeDefaultAsync(string userId, long id, CancellationToken cancellationToken)
    {
        var entry = await db.SavedAddresses.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Id == id, cancellationToken);
        if (entry is not null)
        {
            await SaveDefaultAsync(userId, entry.Address, clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

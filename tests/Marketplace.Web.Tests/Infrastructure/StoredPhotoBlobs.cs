using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>What the site's shared photo storage holds, read straight from its table.</summary>
public static class StoredPhotoBlobs
{
    public static Task<byte[]> BytesAsync(MarketplaceApp app, string key) =>
        ReadAsync(app, db => db.PhotoBlobs.Where(b => b.Key == key).Select(b => b.Content).SingleAsync());

    public static Task<List<string>> KeysAsync(MarketplaceApp app) =>
        ReadAsync(app, db => db.PhotoBlobs.Select(b => b.Key).ToListAsync());

    private static async Task<T> ReadAsync<T>(MarketplaceApp app, Func<MarketplaceDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }
}

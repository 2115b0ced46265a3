using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Marketplace.Web.Features.Photos;

/// <summary>
/// Fingerprints the listing photos stored before photo matching existed (a migration cannot decode images): once at
/// start-up, in batches of <see cref="BatchSize"/> photos, oldest first, until none is left; photos stored since are
/// fingerprinted by the image store itself. Every node may run it: a photo fingerprinted twice is written once
/// (the insert skips existing rows), and a photo missing from storage is skipped. It first copies this node's old photo
/// folder into shared storage (<see cref="PhotoFolderBackfill"/>), so the photos it reads are there.
/// </summary>
internal sealed class PhotoFingerprintBackfill(
    IServiceScopeFactory scopes, PhotoFolderBackfill folder, IPhotoStorage storage, PhotoFingerprints fingerprints, ILogger<PhotoFingerprintBackfill> logger)
    : BackgroundService
{
    public const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var copied = await folder.CopyAsync(stoppingToken);
            if (copied > 0)
            {
                logger.LogInformation("Copied {Count} photos from this node's folder into shared storage", copied);
            }

            var done = await BackfillAsync(stoppingToken);
            if (done > 0)
            {
                logger.LogInformation("Fingerprinted {Count} listing photos stored before photo matching", done);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Copying or fingerprinting the photos stored before shared storage and photo matching failed; the next start tries again");
        }
    }

    /// <summary>Fingerprints every listing photo that has none yet; returns how many it did.</summary>
    public async Task<int> BackfillAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        var after = 0L;
        while (true)
        {
            List<(long Id, string Name)> batch;
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
                batch = (await db.ListingImages.AsNoTracking()
                        .Where(i => i.Id > after && !db.PhotoFingerprints.Any(f => f.StoredName == i.StoredName))
                        .OrderBy(i => i.Id)
                        .Select(i => new { i.Id, i.StoredName })
                        .Take(BatchSize)
                        .ToListAsync(cancellationToken))
                    .Select(i => (i.Id, i.StoredName)).ToList();
            }

            if (batch.Count == 0)
            {
                return done;
            }

            foreach (var (id, name) in batch)
            {
                after = id;
                if (await storage.GetAsync(name, cancellationToken) is not { } stored)
                {
                    continue;
                }

                using var photo = DecodeAndClose(stored);
                if (photo is not null)
                {
                    await fingerprints.SaveAsync(name, PhotoHashes.FingerprintsOf(photo), cancellationToken);
                    done++;
                }
            }
        }
    }

    private static SKBitmap? DecodeAndClose(PhotoObject stored)
    {
        using var content = stored.Content;
        return SKBitmap.Decode(content);
    }
}

namespace Marketplace.Web.Features.Photos;

/// <summary>
/// Copies the photos a node kept in its own folder (<c>Images:Directory</c>, before photos moved to shared storage) into
/// the storage every node reads, in batches of <see cref="BatchSize"/>: the photo, its thumbnail when the folder has one
/// (otherwise it is made on first request), and its record, written last, so a copy cut short is done again at the next
/// start. Every node runs it for its own folder; a photo already recorded is skipped. The files stay where they are.
/// </summary>
public sealed class PhotoFolderBackfill(IConfiguration configuration, IWebHostEnvironment environment, IPhotoStorage storage, PhotoLedger ledger)
{
    public const int BatchSize = 100;

    private readonly string _directory = Path.GetFullPath(
        Path.Combine(environment.ContentRootPath, configuration["Images:Directory"] is { Length: > 0 } configured ? configured : ".data/images"));

    /// <summary>Copies every photo of the folder not in storage yet; returns how many it copied.</summary>
    public async Task<int> CopyAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_directory))
        {
            return 0;
        }

        var names = Directory.EnumerateFiles(_directory).Select(Path.GetFileName).Where(PhotoKeys.IsStoredName).Order(StringComparer.Ordinal).ToList();
        var copied = 0;
        foreach (var batch in names.Chunk(BatchSize))
        {
            var recorded = await ledger.RecordedAsync(batch!, cancellationToken);
            foreach (var name in batch.Where(n => !recorded.Contains(n!)))
            {
                var size = await CopyFileAsync(name!, PhotoKeys.ContentTypeOf(name!), cancellationToken)
                    + await CopyFileAsync(PhotoKeys.ThumbnailOf(name!), "image/webp", cancellationToken);
                if (await ledger.RecordCopiedAsync(name!, size, cancellationToken))
                {
                    copied++;
                }
            }
        }

        return copied;
    }

    /// <summary>Puts one file into storage under its name; returns its size, 0 when the folder has no such file.</summary>
    private async Task<long> CopyFileAsync(string name, string contentType, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_directory, name);
        if (!File.Exists(path))
        {
            return 0;
        }

        await using var file = File.OpenRead(path);
        await storage.PutAsync(name, contentType, file, cancellationToken);
        return file.Length;
    }
}

using System.Security.Cryptography;
using Marketplace.Web.Features.Photos;
using SkiaSharp;

namespace Marketplace.Web.Features.Sellers.Images;

public sealed record StoredImage(string Name, string ContentType);

/// <summary>An uploaded file: stored, or refused with the reason as a resource key.</summary>
public sealed record ImageUpload(string FileName, StoredImage? Image, string? ProblemKey);

/// <summary>
/// Listing, review and complaint photos in the storage every node shares (<see cref="IPhotoStorage"/>), under names the
/// store makes up: the uploaded name is never used, and the type is read from the file's first bytes, not from its name
/// or the browser's claim. Only JPEG, PNG and WebP pass; SVG (which can carry script) and everything else is refused.
/// What is stored is the picture decoded and encoded again (<see cref="ImageRecoder"/>), beside a 320-pixel WebP
/// thumbnail for cards, within the shop's storage quota (<see cref="PhotoLedger"/>), and its perceptual hashes go to the
/// database (<see cref="PhotoFingerprints"/>) for photo matching.
/// </summary>
public sealed class ImageStore(IPhotoStorage storage, PhotoLedger ledger, PhotoRemoval removal, PhotoFingerprints fingerprints)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Stores an uploaded file for <paramref name="shopId"/>'s quota (null: a shopper's photo, counted against no shop).</summary>
    public async Task<ImageUpload> SaveAsync(IFormFile file, int? shopId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var fileName = Path.GetFileName(file.FileName);

        // Refused before the bytes are read into memory.
        if (file.Length > MaxBytes)
        {
            return new ImageUpload(fileName, null, "Seller.Image.TooLarge");
        }

        var bytes = new byte[file.Length];
        await using (var input = file.OpenReadStream())
        {
            await input.ReadExactlyAsync(bytes, cancellationToken);
        }

        return await SaveAsync(fileName, bytes, shopId, cancellationToken);
    }

    /// <summary>Stores a photo from any source (a form, the API, a ZIP beside a CSV, the demo data), with the same checks as an upload.</summary>
    public async Task<ImageUpload> SaveAsync(string fileName, byte[] bytes, int? shopId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            return new ImageUpload(fileName, null, "Seller.Image.Empty");
        }

        if (bytes.Length > MaxBytes)
        {
            return new ImageUpload(fileName, null, "Seller.Image.TooLarge");
        }

        var format = Detect(bytes);
        if (format is null)
        {
            return new ImageUpload(fileName, null, "Seller.Image.NotAnImage");
        }

        var recoded = ImageRecoder.Recode(bytes, format.Value.Skia);
        if (recoded.ProblemKey is { } problem)
        {
            return new ImageUpload(fileName, null, problem);
        }

        var name = NewName(format.Value.Extension);
        if (!await ledger.RecordAsync(name, shopId, recoded.Image!.LongLength + recoded.Thumbnail!.LongLength, cancellationToken))
        {
            return new ImageUpload(fileName, null, PhotoLedger.StorageFullKey);
        }

        using (var thumbnail = new MemoryStream(recoded.Thumbnail, writable: false))
        {
            await storage.PutAsync(PhotoKeys.ThumbnailOf(name), "image/webp", thumbnail, cancellationToken);
        }

        using (var image = new MemoryStream(recoded.Image, writable: false))
        {
            await storage.PutAsync(name, format.Value.ContentType, image, cancellationToken);
        }

        await fingerprints.SaveAsync(name, recoded.Fingerprints, cancellationToken);

        return new ImageUpload(fileName, new StoredImage(name, format.Value.ContentType), null);
    }

    /// <summary>
    /// Removes stored images that no listing keeps, with their thumbnails and fingerprints: a preview (an import's, an
    /// API dry run) checks photos as the save does, then leaves nothing of them behind.
    /// </summary>
    public Task DeleteAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) => removal.RemoveAsync(names, cancellationToken);

    /// <summary>Whether <paramref name="name"/> is a photo this store holds.</summary>
    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        PhotoKeys.IsStoredName(name) && await storage.ExistsAsync(name, cancellationToken);

    /// <summary>A stored photo, or null for anything that is not a name this store made or a photo it no longer holds.</summary>
    public async Task<PhotoObject?> ReadAsync(string name, CancellationToken cancellationToken) =>
        PhotoKeys.IsStoredName(name) ? await storage.GetAsync(name, cancellationToken) : null;

    /// <summary>
    /// The card-sized WebP of a stored photo. A photo copied from a node's old folder without its thumbnail gets one on
    /// first request; two nodes making it at once write the same picture under the same key.
    /// </summary>
    public async Task<PhotoObject?> ReadThumbnailAsync(string name, CancellationToken cancellationToken)
    {
        if (!PhotoKeys.IsStoredName(name))
        {
            return null;
        }

        var key = PhotoKeys.ThumbnailOf(name);
        if (await storage.GetAsync(key, cancellationToken) is { } stored)
        {
            return stored;
        }

        if (await storage.GetAsync(name, cancellationToken) is not { } original)
        {
            return null;
        }

        byte[] thumbnail;
        using (var content = original.Content)
        using (var image = SKBitmap.Decode(content))
        {
            if (image is null)
            {
                return null;
            }

            thumbnail = ImageRecoder.Thumbnail(image);
        }

        using (var put = new MemoryStream(thumbnail, writable: false))
        {
            await storage.PutAsync(key, "image/webp", put, cancellationToken);
        }

        return new PhotoObject(new MemoryStream(thumbnail, writable: false), "image/webp", thumbnail.Length);
    }

    private static string NewName(string extension) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;

    public static (string Extension, string ContentType, SKEncodedImageFormat Skia)? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return (".jpg", "image/jpeg", SKEncodedImageFormat.Jpeg);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (".png", "image/png", SKEncodedImageFormat.Png);
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return (".webp", "image/webp", SKEncodedImageFormat.Webp);
        }

        return null;
    }
}

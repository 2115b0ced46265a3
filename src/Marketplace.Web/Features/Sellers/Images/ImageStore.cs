using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Marketplace.Web.Features.Photos;
using SkiaSharp;

namespace Marketplace.Web.Features.Sellers.Images;

public sealed record StoredImage(string Name, string ContentType);

/// <summary>An uploaded file: stored, or refused with the reason as a resource key.</summary>
public sealed record ImageUpload(string FileName, StoredImage? Image, string? ProblemKey);

/// <summary>
/// Listing images on disk, outside wwwroot, under names the store makes up: the uploaded name is never used, and the
/// type is read from the file's first bytes, not from its name or the browser's claim. Only JPEG, PNG and WebP pass;
/// SVG (which can carry script) and everything else is refused. What is stored is the picture decoded and encoded
/// again (<see cref="ImageRecoder"/>), beside a 320-pixel WebP thumbnail for cards, and its perceptual hashes go to the
/// database (<see cref="PhotoFingerprints"/>) for photo matching.
/// </summary>
public sealed partial class ImageStore(IConfiguration configuration, IWebHostEnvironment environment, PhotoFingerprints fingerprints)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private readonly string _directory = Path.GetFullPath(
        Path.Combine(environment.ContentRootPath, configuration["Images:Directory"] is { Length: > 0 } configured ? configured : ".data/images"));

    public async Task<ImageUpload> SaveAsync(IFormFile file, CancellationToken cancellationToken)
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

        return await SaveAsync(fileName, bytes, cancellationToken);
    }

    /// <summary>Stores a photo from any source (a form, a ZIP beside a CSV, the demo data), with the same checks as an upload.</summary>
    public async Task<ImageUpload> SaveAsync(string fileName, byte[] bytes, CancellationToken cancellationToken)
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

        Directory.CreateDirectory(_directory);
        var name = NewName(format.Value.Extension);
        await File.WriteAllBytesAsync(Path.Combine(_directory, ThumbnailName(name)), recoded.Thumbnail!, cancellationToken);
        await using (var output = new FileStream(Path.Combine(_directory, name), FileMode.CreateNew, FileAccess.Write))
        {
            await output.WriteAsync(recoded.Image, cancellationToken);
        }

        await fingerprints.SaveAsync(name, recoded.Fingerprints, cancellationToken);

        return new ImageUpload(fileName, new StoredImage(name, format.Value.ContentType), null);
    }

    /// <summary>
    /// Removes stored images that no listing keeps, with their thumbnails and fingerprints: a preview (an import's, an
    /// API dry run) checks photos as the save does, then leaves nothing of them behind.
    /// </summary>
    public async Task DeleteAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            return;
        }

        await fingerprints.DeleteAsync(names, cancellationToken);
        foreach (var name in names)
        {
            if (PathOf(name) is { } path)
            {
                File.Delete(Path.Combine(_directory, ThumbnailName(name)));
                File.Delete(path);
            }
        }
    }

    /// <summary>
    /// The card-sized WebP of a stored image. Images stored before thumbnails existed get theirs on first request; a
    /// thumbnail is written under a temporary name and moved into place, so a reader never sees half a file.
    /// </summary>
    public async Task<string?> ThumbnailPathOfAsync(string name, CancellationToken cancellationToken)
    {
        if (PathOf(name) is not { } original)
        {
            return null;
        }

        var path = Path.Combine(_directory, ThumbnailName(name));
        if (File.Exists(path))
        {
            return path;
        }

        using (var image = SKBitmap.Decode(original))
        {
            if (image is null)
            {
                return null;
            }

            var temporary = path + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            await File.WriteAllBytesAsync(temporary, ImageRecoder.Thumbnail(image), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }

        return path;
    }

    private static string NewName(string extension) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;

    /// <summary>The thumbnail beside a stored image: same random part, its own suffix, always WebP.</summary>
    public static string ThumbnailName(string name) => Path.GetFileNameWithoutExtension(name) + ".w320.webp";

    /// <summary>The file behind a stored name, or null for anything that is not a name this store makes.</summary>
    public string? PathOf(string name)
    {
        if (!StoredName().IsMatch(name ?? string.Empty))
        {
            return null;
        }

        var path = Path.Combine(_directory, name!);
        return File.Exists(path) ? path : null;
    }

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

    public static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".jpg" => "image/jpeg",
        ".png" => "image/png",
        _ => "image/webp",
    };

    [GeneratedRegex("^[0-9a-f]{32}\\.(jpg|png|webp)$")]
    private static partial Regex StoredName();
}

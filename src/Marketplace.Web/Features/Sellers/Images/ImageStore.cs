using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Marketplace.Web.Features.Sellers.Images;

public sealed record StoredImage(string Name, string ContentType);

/// <summary>An uploaded file: stored, or refused with the reason as a resource key.</summary>
public sealed record ImageUpload(string FileName, StoredImage? Image, string? ProblemKey);

/// <summary>
/// Listing images on disk, outside wwwroot, under names the store makes up: the uploaded name is never used, and the
/// type is read from the file's first bytes, not from its name or the browser's claim. Only JPEG, PNG and WebP pass;
/// SVG (which can carry script) and everything else is refused.
/// </summary>
public sealed partial class ImageStore(IConfiguration configuration, IWebHostEnvironment environment)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private readonly string _directory = Path.GetFullPath(
        Path.Combine(environment.ContentRootPath, configuration["Images:Directory"] is { Length: > 0 } configured ? configured : ".data/images"));

    public async Task<ImageUpload> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var fileName = Path.GetFileName(file.FileName);
        if (file.Length == 0)
        {
            return new ImageUpload(fileName, null, "Seller.Image.Empty");
        }

        if (file.Length > MaxBytes)
        {
            return new ImageUpload(fileName, null, "Seller.Image.TooLarge");
        }

        var head = new byte[12];
        int read;
        await using (var input = file.OpenReadStream())
        {
            read = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        var format = Detect(head.AsSpan(0, read));
        if (format is null)
        {
            return new ImageUpload(fileName, null, "Seller.Image.NotAnImage");
        }

        Directory.CreateDirectory(_directory);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + format.Value.Extension;
        await using (var output = new FileStream(Path.Combine(_directory, name), FileMode.CreateNew, FileAccess.Write))
        {
            await file.CopyToAsync(output, cancellationToken);
        }

        return new ImageUpload(fileName, new StoredImage(name, format.Value.ContentType), null);
    }

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

    public static (string Extension, string ContentType)? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return (".jpg", "image/jpeg");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (".png", "image/png");
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return (".webp", "image/webp");
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

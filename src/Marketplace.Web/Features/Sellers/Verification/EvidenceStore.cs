using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Marketplace.Web.Features.Sellers.Images;

namespace Marketplace.Web.Features.Sellers.Verification;

/// <summary>A stored evidence file, or the reason it was refused as a resource key.</summary>
public sealed record EvidenceUpload(string FileName, string? StoredName, string? ContentType, long Bytes, string? ProblemKey);

/// <summary>
/// Evidence documents (NIB or KTP scans, certificates) on disk outside the web root, under names the store makes up.
/// The type is read from the file's first bytes: only PDF, JPEG and PNG pass. Nothing here is served directly; the
/// pages that read a document check first that it belongs to the reader's shop, or that the reader is an admin.
/// </summary>
public sealed partial class EvidenceStore(IConfiguration configuration, IWebHostEnvironment environment)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private readonly string _directory = Path.GetFullPath(
        Path.Combine(environment.ContentRootPath, configuration["Evidence:Directory"] is { Length: > 0 } configured ? configured : ".data/evidence"));

    public async Task<EvidenceUpload> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var input = file.OpenReadStream();
        return await SaveAsync(input, Path.GetFileName(file.FileName), file.Length, cancellationToken);
    }

    public async Task<EvidenceUpload> SaveAsync(Stream input, string fileName, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (length == 0)
        {
            return new EvidenceUpload(fileName, null, null, 0, "Evidence.File.Empty");
        }

        if (length > MaxBytes)
        {
            return new EvidenceUpload(fileName, null, null, length, "Evidence.File.TooLarge");
        }

        var head = new byte[12];
        var read = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var format = Detect(head.AsSpan(0, read));
        if (format is null)
        {
            return new EvidenceUpload(fileName, null, null, length, "Evidence.File.WrongType");
        }

        Directory.CreateDirectory(_directory);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + format.Value.Extension;
        await using (var output = new FileStream(Path.Combine(_directory, name), FileMode.CreateNew, FileAccess.Write))
        {
            await output.WriteAsync(head.AsMemory(0, read), cancellationToken);
            await input.CopyToAsync(output, cancellationToken);
        }

        return new EvidenceUpload(fileName, name, format.Value.ContentType, length, null);
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

    private static (string Extension, string ContentType)? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? (".pdf", "application/pdf")
        : ImageStore.Detect(head) is { ContentType: "image/jpeg" or "image/png" } image ? (image.Extension, image.ContentType)
        : null;

    [GeneratedRegex("^[0-9a-f]{32}\\.(pdf|jpg|png)$")]
    private static partial Regex StoredName();
}

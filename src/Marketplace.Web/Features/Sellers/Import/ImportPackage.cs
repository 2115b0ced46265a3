using System.IO.Compression;

namespace Marketplace.Web.Features.Sellers.Import;

/// <summary>How much a ZIP upload may hold once unpacked; a file past any of them is refused before it is unpacked.</summary>
public sealed record PackageLimits(int MaxEntries, long MaxUnpackedBytes, long MaxSheetBytes, int MaxRatio)
{
    public static PackageLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Imports:MaxZipEntries", 1000),
        configuration.GetValue("Imports:MaxUnpackedBytes", 256L * 1024 * 1024),
        configuration.GetValue("Imports:MaxFileBytes", 30L * 1024 * 1024),
        configuration.GetValue("Imports:MaxZipRatio", 100));
}

/// <summary>
/// An upload as the importer reads it: a CSV on its own, or a ZIP holding one CSV and the photos its image column names
/// (by file name, or by path inside the ZIP).
/// A ZIP is checked from its directory before anything is unpacked (entry count, total and per-entry unpacked size, the
/// packing ratio, names that would lead outside the folder), and every read is cut off at the size the directory
/// claimed, so a lying header unpacks no more than it declared.
/// </summary>
public sealed class ImportPackage : IDisposable
{
    private const long RatioFloor = 1024 * 1024;

    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    private readonly ZipArchive? _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _images;

    private ImportPackage(byte[] sheet, ZipArchive? zip, Dictionary<string, ZipArchiveEntry> images)
    {
        Sheet = sheet;
        _zip = zip;
        _images = images;
    }

    /// <summary>The CSV's bytes.</summary>
    public byte[] Sheet { get; }

    public bool HasImage(string name) => _images.ContainsKey(name);

    /// <summary>Opens an upload, or says why it cannot be read as a resource key.</summary>
    public static (ImportPackage? Package, string? FailureKey) Open(byte[] content, PackageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        if (!content.AsSpan().StartsWith(ZipMagic))
        {
            return (new ImportPackage(content, null, new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase)), null);
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return (null, "Csv.Failure.ZipUnreadable");
        }

        var failure = Check(zip, limits, out var sheet, out var images);
        if (failure is not null)
        {
            zip.Dispose();
            return (null, failure);
        }

        byte[]? sheetBytes;
        try
        {
            sheetBytes = ReadBounded(sheet!, sheet!.Length);
        }
        catch (InvalidDataException)
        {
            sheetBytes = null;
        }

        if (sheetBytes is null)
        {
            zip.Dispose();
            return (null, "Csv.Failure.ZipUnreadable");
        }

        return (new ImportPackage(sheetBytes, zip, images), null);
    }

    /// <summary>The bytes of a photo the ZIP holds, at most <paramref name="maxBytes"/>; null when larger than that or damaged.</summary>
    public byte[]? ReadImage(string name, long maxBytes)
    {
        var entry = _images[name];
        if (entry.Length > maxBytes)
        {
            return null;
        }

        try
        {
            return ReadBounded(entry, entry.Length);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public void Dispose() => _zip?.Dispose();

    private static string? Check(ZipArchive zip, PackageLimits limits, out ZipArchiveEntry? sheet, out Dictionary<string, ZipArchiveEntry> images)
    {
        sheet = null;
        images = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        if (zip.Entries.Count > limits.MaxEntries)
        {
            return "Csv.Failure.ZipTooManyEntries";
        }

        long total = 0;
        var shared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            if (!IsSafeName(entry.FullName))
            {
                return "Csv.Failure.ZipUnsafePath";
            }

            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }

            total += entry.Length;
            if (entry.Length < 0 || total > limits.MaxUnpackedBytes)
            {
                return "Csv.Failure.ZipTooLarge";
            }

            // Text packs well (a long run of one letter, a hundredfold), so only an entry past a megabyte is judged by its ratio.
            if (entry.Length > RatioFloor && entry.Length > (long)limits.MaxRatio * Math.Max(1, entry.CompressedLength))
            {
                return "Csv.Failure.ZipTooLarge";
            }

            var name = entry.Name;
            if (name.StartsWith('.') || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal))
            {
                continue;
            }

            if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                if (sheet is not null)
                {
                    return "Csv.Failure.ZipCsvCount";
                }

                if (entry.Length > limits.MaxSheetBytes)
                {
                    return "Csv.Failure.ZipTooLarge";
                }

                sheet = entry;
            }
            else if (!images.TryAdd(entry.FullName, entry))
            {
                return "Csv.Failure.ZipDuplicateName";
            }
            else if (name != entry.FullName && !images.TryAdd(name, entry))
            {
                // Two folders hold a photo of this name: the rows must name it with its folder.
                shared.Add(name);
            }
        }

        foreach (var name in shared)
        {
            images.Remove(name);
        }

        return sheet is null ? "Csv.Failure.ZipCsvCount" : null;
    }

    /// <summary>A relative name of plain segments: no root, no drive, no backslash, no "..".</summary>
    private static bool IsSafeName(string name) =>
        name.Length > 0 && !name.StartsWith('/') && !name.Contains('\\', StringComparison.Ordinal) && !name.Contains(':', StringComparison.Ordinal)
        && name.Split('/').All(segment => segment is not ".." and not ".");

    /// <summary>Unpacks at most <paramref name="declared"/> bytes; an entry that inflates past what its header declared is damaged.</summary>
    private static byte[]? ReadBounded(ZipArchiveEntry entry, long declared)
    {
        using var stream = entry.Open();
        var buffer = new byte[declared];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        return stream.ReadByte() == -1 ? buffer : null;
    }
}

using System.Text.RegularExpressions;

namespace Marketplace.Web.Features.Photos;

/// <summary>The names the image store gives photos, and the key of each photo's thumbnail.</summary>
public static partial class PhotoKeys
{
    /// <summary>Whether <paramref name="name"/> is a name the store makes: anything else (a path, a thumbnail's key) is never looked up.</summary>
    public static bool IsStoredName(string? name) => StoredName().IsMatch(name ?? string.Empty);

    /// <summary>The thumbnail beside a stored photo: same random part, its own suffix, always WebP.</summary>
    public static string ThumbnailOf(string name) => Path.GetFileNameWithoutExtension(name) + ".w320.webp";

    public static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".jpg" => "image/jpeg",
        ".png" => "image/png",
        _ => "image/webp",
    };

    [GeneratedRegex("^[0-9a-f]{32}\\.(jpg|png|webp)$")]
    private static partial Regex StoredName();
}

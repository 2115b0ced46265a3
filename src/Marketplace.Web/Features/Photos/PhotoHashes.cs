using Marketplace.Domain.Listings;
using SkiaSharp;

namespace Marketplace.Web.Features.Photos;

/// <summary>
/// The perceptual hash of decoded pixels: the photo's luma averaged down to <see cref="PhotoHash.Side"/> squares a side,
/// so a large photo and a small copy of it give nearly the same grey levels, then hashed by <see cref="PhotoHash.Of"/>.
/// </summary>
public static class PhotoHashes
{
    private const int Drawn = PhotoHash.Side * 8;

    /// <summary>
    /// The parts of a photo hashed besides the whole (left, top, right, bottom, as fractions): a copy cropped by up to a
    /// tenth lands near one of them when it is too far from the whole, since the DCT hash reads a shifted frame as a
    /// different picture.
    /// </summary>
    private static readonly SKRect[] Crops =
    [
        new(0.1f, 0, 1, 1), new(0, 0, 0.9f, 1), new(0, 0.1f, 1, 1), new(0, 0, 1, 0.9f),
        new(0.05f, 0.05f, 1, 1), new(0, 0.05f, 0.95f, 1), new(0.05f, 0, 1, 0.95f), new(0, 0, 0.95f, 0.95f),
    ];

    /// <summary>The number of hashes a photo is stored with: the whole, then each of <see cref="Crops"/>.</summary>
    public static int PartCount => Crops.Length + 1;

    /// <summary>
    /// The hash of the whole photo first, then those of its <see cref="Crops"/>; empty for a flat picture, which is never
    /// matched.
    /// </summary>
    public static IReadOnlyList<PhotoHash> FingerprintsOf(SKBitmap photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        using var image = SKImage.FromBitmap(photo);
        var (w, h) = (photo.Width, photo.Height);
        if (Of(image, new SKRect(0, 0, w, h)) is not { } whole)
        {
            return [];
        }

        return [whole, .. Crops.Select(c => Of(image, new SKRect(c.Left * w, c.Top * h, c.Right * w, c.Bottom * h)) ?? whole)];
    }

    /// <summary>The hash of the whole photo, or null for a flat picture.</summary>
    public static PhotoHash? Of(SKBitmap photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        using var image = SKImage.FromBitmap(photo);
        return Of(image, new SKRect(0, 0, photo.Width, photo.Height));
    }

    private static PhotoHash? Of(SKImage photo, SKRect part)
    {
        const int side = PhotoHash.Side;

        // Drawn first on a square of Drawn pixels with mipmaps (a large photo is averaged, a small one stretched), then
        // each grid square is the mean of the pixels it covers.
        using var pixels = new SKBitmap(new SKImageInfo(Drawn, Drawn, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(pixels))
        {
            // Transparent parts count as white, as a shop page shows them.
            canvas.Clear(SKColors.White);
            canvas.DrawImage(photo, part, new SKRect(0, 0, Drawn, Drawn), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        const int square = Drawn / side;
        const float weight = 1f / (square * square);
        var grey = new float[side * side];
        var bytes = pixels.GetPixelSpan();
        for (var y = 0; y < Drawn; y++)
        {
            for (var x = 0; x < Drawn; x++)
            {
                var at = ((y * Drawn) + x) * 4;
                grey[(y / square * side) + (x / square)] += ((0.299f * bytes[at]) + (0.587f * bytes[at + 1]) + (0.114f * bytes[at + 2])) * weight;
            }
        }

        return PhotoHash.Of(grey);
    }

    /// <summary>The hash of an encoded photo, or null when it cannot be decoded.</summary>
    public static PhotoHash? Of(byte[] encoded)
    {
        using var photo = SKBitmap.Decode(encoded);
        return photo is null ? null : Of(photo);
    }
}

using Marketplace.Domain.Listings;
using Marketplace.Web.Features.Photos;
using SkiaSharp;

namespace Marketplace.Web.Features.Sellers.Images;

/// <summary>An upload decoded and drawn again: the image itself, its card thumbnail and its perceptual hashes, or why it was refused.</summary>
public sealed record RecodedImage(byte[]? Image, byte[]? Thumbnail, string? ProblemKey)
{
    public IReadOnlyList<PhotoHash> Fingerprints { get; init; } = [];
}

/// <summary>
/// Decodes an uploaded photo with SkiaSharp and encodes its pixels again, so nothing the file carried besides the
/// picture survives: no bytes appended after the image data, no EXIF (GPS position, camera, owner), no comments. The
/// size is read from the header before any pixel is decoded, so a small file that claims a huge picture is refused
/// without allocating it. The EXIF orientation is applied to the pixels before the tag is dropped.
/// </summary>
public static class ImageRecoder
{
    public const int MaxSide = 6000;
    public const long MaxPixels = 40_000_000;
    public const int ThumbnailWidth = 320;
    private const int PhotoQuality = 88;
    private const int ThumbnailQuality = 80;

    public static RecodedImage Recode(byte[] file, SKEncodedImageFormat format)
    {
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return new RecodedImage(null, null, "Seller.Image.Unreadable");
        }

        var size = codec.Info;
        if (size.Width > MaxSide || size.Height > MaxSide || (long)size.Width * size.Height > MaxPixels)
        {
            return new RecodedImage(null, null, "Seller.Image.TooManyPixels");
        }

        using var decoded = SKBitmap.Decode(codec, size.WithColorType(SKColorType.Rgba8888).WithAlphaType(size.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul));
        if (decoded is null)
        {
            return new RecodedImage(null, null, "Seller.Image.Unreadable");
        }

        using var turned = Upright(decoded, codec.EncodedOrigin);
        var upright = turned ?? decoded;
        return new RecodedImage(Encode(upright, format, PhotoQuality), Thumbnail(upright), null) { Fingerprints = PhotoHashes.FingerprintsOf(upright) };
    }

    /// <summary>A WebP at most <see cref="ThumbnailWidth"/> pixels wide, for listing cards and lists.</summary>
    public static byte[] Thumbnail(SKBitmap image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Width <= ThumbnailWidth)
        {
            return Encode(image, SKEncodedImageFormat.Webp, ThumbnailQuality);
        }

        var height = Math.Max(1, (int)Math.Round(image.Height * (double)ThumbnailWidth / image.Width));
        using var small = image.Resize(image.Info.WithSize(ThumbnailWidth, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        return Encode(small, SKEncodedImageFormat.Webp, ThumbnailQuality);
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, quality);
        return encoded.ToArray();
    }

    /// <summary>The pixels turned as the EXIF orientation says a viewer should show them, or null when they already are.</summary>
    private static SKBitmap? Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        SKMatrix? turn = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (turn is not { } matrix)
        {
            return null;
        }

        var sideways = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(source.Info.WithSize(sideways ? h : w, sideways ? w : h));
        using var canvas = new SKCanvas(result);
        using var image = SKImage.FromBitmap(source);
        canvas.SetMatrix(matrix);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }
}

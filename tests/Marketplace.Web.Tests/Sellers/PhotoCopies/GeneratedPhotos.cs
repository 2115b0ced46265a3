using SkiaSharp;

namespace Marketplace.Web.Tests.Sellers.PhotoCopies;

/// <summary>A way a seller re-uses someone's photo: its name as reported, and the copy it makes of an encoded photo.</summary>
public sealed record PhotoCopy(string Name, Func<byte[], byte[]> Make);

/// <summary>
/// Distinct product-like photos drawn from a seed (a gradient backdrop, a product of a few shapes, a pattern, texture
/// noise, a word or two of text, each from the seed) and the copies a re-user makes of them. Shared by the matching
/// tests and tests/benchmarks/photo-match.sh, so the figures the README quotes come from the copies the tests check.
/// </summary>
public static class GeneratedPhotos
{
    private static readonly string[] Words = ["Batik", "Kopi", "Rotan", "Kebaya", "Sambal", "Gerabah", "Tenun", "Keripik", "Ukir", "Songket", "Teh", "Perak"];

    public static readonly IReadOnlyList<PhotoCopy> Copies =
    [
        new("rescaled to 40 %", photo => Transform(photo, SKEncodedImageFormat.Jpeg, 90, (canvas, image, w, h) => Draw(canvas, image, new SKRect(0, 0, w, h)), 0.4f)),
        new("recompressed (JPEG 35)", photo => Transform(photo, SKEncodedImageFormat.Jpeg, 35, (canvas, image, w, h) => Draw(canvas, image, new SKRect(0, 0, w, h)))),
        new("cropped 10 % (2.6 % each edge)", photo => Crop(photo, 0.026f, 0.026f, 0.026f, 0.026f)),
        new("cropped 10 % (5 % left and top)", photo => Crop(photo, 0.05f, 0.05f, 0, 0)),
        new("cropped 10 % (right edge)", photo => Crop(photo, 0, 0, 0.10f, 0)),
        new("cropped 7 % (bottom edge)", photo => Crop(photo, 0, 0, 0, 0.07f)),
        new("mirrored", photo => Transform(photo, SKEncodedImageFormat.Jpeg, 90, (canvas, image, w, h) =>
        {
            canvas.Scale(-1, 1, w / 2f, 0);
            Draw(canvas, image, new SKRect(0, 0, w, h));
        })),
        new("brightness +20 %", photo => Brightness(photo, 1.2f)),
        new("brightness -20 %", photo => Brightness(photo, 0.8f)),
        new("text overlaid", photo => Transform(photo, SKEncodedImageFormat.Jpeg, 85, (canvas, image, w, h) =>
        {
            Draw(canvas, image, new SKRect(0, 0, w, h));
            using var font = new SKFont(SKTypeface.Default, h * 0.09f);
            using var ink = new SKPaint { IsAntialias = true, Color = SKColors.White };
            using var outline = new SKPaint { IsAntialias = true, Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = h * 0.008f };
            canvas.DrawText("PROMO 50% OFF", w * 0.05f, h * 0.9f, SKTextAlign.Left, font, outline);
            canvas.DrawText("PROMO 50% OFF", w * 0.05f, h * 0.9f, SKTextAlign.Left, font, ink);
            using var small = new SKFont(SKTypeface.Default, h * 0.05f);
            using var mark = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(170) };
            canvas.DrawText("@tokoimport.official", w * 0.45f, h * 0.1f, SKTextAlign.Left, small, mark);
        })),
    ];

    /// <summary>Photo number <paramref name="seed"/>, as a JPEG of a size between 360 and 900 pixels a side.</summary>
    public static byte[] Draw(int seed)
    {
        var random = new Random(seed);
        var (width, height) = (random.Next(360, 900), random.Next(360, 900));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        var angle = random.NextDouble() * Math.PI * 2;
        var (dx, dy) = ((float)Math.Cos(angle) * width / 2, (float)Math.Sin(angle) * height / 2);
        using (var backdrop = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(
                new SKPoint((width / 2f) - dx, (height / 2f) - dy), new SKPoint((width / 2f) + dx, (height / 2f) + dy),
                [RandomColour(random), RandomColour(random), RandomColour(random)], SKShaderTileMode.Clamp),
        })
        {
            canvas.DrawRect(0, 0, width, height, backdrop);
        }

        using var paint = new SKPaint { IsAntialias = true };
        for (var i = random.Next(3, 9); i > 0; i--)
        {
            paint.Color = RandomColour(random).WithAlpha((byte)random.Next(150, 256));
            paint.Style = random.Next(4) == 0 ? SKPaintStyle.Stroke : SKPaintStyle.Fill;
            paint.StrokeWidth = random.Next(4, 30);
            var (x, y) = ((float)random.NextDouble() * width, (float)random.NextDouble() * height);
            var (rx, ry) = ((float)(0.05 + (random.NextDouble() * 0.3)) * width, (float)(0.05 + (random.NextDouble() * 0.3)) * height);
            canvas.Save();
            canvas.RotateDegrees(random.Next(0, 90), x, y);
            switch (random.Next(4))
            {
                case 0:
                    canvas.DrawOval(x, y, rx, ry, paint);
                    break;
                case 1:
                    canvas.DrawRoundRect(new SKRect(x - rx, y - ry, x + rx, y + ry), rx / 5, ry / 5, paint);
                    break;
                case 2:
                    Stripes(canvas, random, paint, new SKRect(x - rx, y - ry, x + rx, y + ry));
                    break;
                default:
                    canvas.DrawArc(new SKRect(x - rx, y - ry, x + rx, y + ry), random.Next(360), random.Next(60, 300), useCenter: true, paint);
                    break;
            }

            canvas.Restore();
        }

        Noise(canvas, random, width, height);
        using (var font = new SKFont(SKTypeface.Default, height * (float)(0.06 + (random.NextDouble() * 0.08))))
        using (var ink = new SKPaint { IsAntialias = true, Color = RandomColour(random) })
        {
            canvas.DrawText(Words[random.Next(Words.Length)] + " " + random.Next(10, 999), width * (float)(random.NextDouble() * 0.4), height * (float)(0.15 + (random.NextDouble() * 0.8)), SKTextAlign.Left, font, ink);
        }

        using var image = surface.Snapshot();
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 92);
        return encoded.ToArray();
    }

    private static void Stripes(SKCanvas canvas, Random random, SKPaint paint, SKRect area)
    {
        canvas.Save();
        canvas.ClipRect(area);
        var step = random.Next(8, 40);
        for (var x = area.Left; x < area.Right; x += step * 2)
        {
            canvas.DrawRect(x, area.Top, step, area.Height, paint);
        }

        canvas.Restore();
    }

    /// <summary>Fine speckle, as a camera sensor leaves it.</summary>
    private static void Noise(SKCanvas canvas, Random random, int width, int height)
    {
        using var speck = new SKPaint();
        for (var i = width * height / 40; i > 0; i--)
        {
            var level = (byte)random.Next(256);
            speck.Color = new SKColor(level, level, level, 40);
            canvas.DrawRect(random.Next(width), random.Next(height), 2, 2, speck);
        }
    }

    private static SKColor RandomColour(Random random) => SKColor.FromHsl(random.Next(360), random.Next(20, 90), random.Next(15, 85));

    private static byte[] Crop(byte[] photo, float left, float top, float right, float bottom)
    {
        using var source = SKBitmap.Decode(photo);
        var area = SKRectI.Round(new SKRect(source.Width * left, source.Height * top, source.Width * (1 - right), source.Height * (1 - bottom)));
        using var cropped = new SKBitmap();
        source.ExtractSubset(cropped, area);
        using var image = SKImage.FromBitmap(cropped);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return encoded.ToArray();
    }

    private static byte[] Brightness(byte[] photo, float factor) =>
        Transform(photo, SKEncodedImageFormat.Jpeg, 85, (canvas, image, w, h) =>
        {
            using var paint = new SKPaint
            {
                ColorFilter = SKColorFilter.CreateColorMatrix(
                [
                    factor, 0, 0, 0, 0,
                    0, factor, 0, 0, 0,
                    0, 0, factor, 0, 0,
                    0, 0, 0, 1, 0,
                ]),
            };
            canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear), paint);
        });

    private static void Draw(SKCanvas canvas, SKImage image, SKRect area) =>
        canvas.DrawImage(image, area, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));

    private static byte[] Transform(byte[] photo, SKEncodedImageFormat format, int quality, Action<SKCanvas, SKImage, int, int> draw, float scale = 1)
    {
        using var source = SKImage.FromEncodedData(photo);
        var (width, height) = (Math.Max(1, (int)(source.Width * scale)), Math.Max(1, (int)(source.Height * scale)));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        draw(surface.Canvas, source, width, height);
        using var image = surface.Snapshot();
        using var encoded = image.Encode(format, quality);
        return encoded.ToArray();
    }
}

using Marketplace.Domain.Catalog;
using SkiaSharp;

namespace Marketplace.Web.Data.Seed;

/// <summary>
/// Product photos for the demo listings, drawn with SkiaSharp: a motif per cluster (cloth with a batik-like pattern, a
/// coffee pouch, a woven basket, a phone, a box), colours from the category and the arrangement from the listing's id,
/// so the same listing always gets the same picture. Small on purpose; the image store re-encodes it like an upload.
/// </summary>
internal static class DemoPhotos
{
    public const int Side = 320;

    public static byte[] Draw(long listingId, string categorySlug, string clusterCode)
    {
        var random = new Random(unchecked((int)listingId));
        var hue = Fnv(categorySlug) % 360;
        var background = SKColor.FromHsl(hue, 35, 88);
        var main = SKColor.FromHsl((hue + random.Next(0, 40)) % 360, 55, 42);
        var accent = SKColor.FromHsl((hue + 180) % 360, 60, 60);
        using var surface = SKSurface.Create(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(background);
        using var fill = new SKPaint { IsAntialias = true, Color = main };
        using var detail = new SKPaint { IsAntialias = true, Color = accent };
        using var shadow = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 0, 40) };
        canvas.DrawOval(Side / 2f, Side * 0.86f, Side * 0.34f, Side * 0.05f, shadow);
        switch (clusterCode)
        {
            case ClusterCodes.Textile:
                Cloth(canvas, random, fill, detail);
                break;
            case ClusterCodes.FoodBeverage:
                Pouch(canvas, random, fill, detail);
                break;
            case ClusterCodes.Handicraft:
                Basket(canvas, random, fill, detail);
                break;
            case ReferenceCatalog.Electronics:
                Phone(canvas, random, fill, detail);
                break;
            default:
                Box(canvas, random, fill, detail);
                break;
        }

        using var image = surface.Snapshot();
        using var encoded = image.Encode(SKEncodedImageFormat.Webp, 80);
        return encoded.ToArray();
    }

    /// <summary>Folded cloth with rows of kawung-like ovals.</summary>
    private static void Cloth(SKCanvas canvas, Random random, SKPaint fill, SKPaint detail)
    {
        var cloth = new SKRect(Side * 0.15f, Side * 0.2f, Side * 0.85f, Side * 0.82f);
        canvas.DrawRoundRect(cloth, 10, 10, fill);
        var step = 22 + random.Next(0, 14);
        var offset = random.Next(0, step);
        canvas.Save();
        canvas.ClipRoundRect(new SKRoundRect(cloth, 10, 10), antialias: true);
        for (var y = cloth.Top + offset; y < cloth.Bottom; y += step)
        {
            for (var x = cloth.Left + offset; x < cloth.Right; x += step)
            {
                canvas.DrawOval(x, y, step * 0.3f, step * 0.16f, detail);
                canvas.DrawOval(x, y, step * 0.16f, step * 0.3f, detail);
            }
        }

        canvas.Restore();
        using var fold = new SKPaint { IsAntialias = true, Color = new SKColor(255, 255, 255, 60) };
        canvas.DrawRect(cloth.Left, cloth.Top + (cloth.Height * 0.45f), cloth.Width, 8, fold);
    }

    /// <summary>A standing pouch with a label and beans before it.</summary>
    private static void Pouch(SKCanvas canvas, Random random, SKPaint fill, SKPaint detail)
    {
        canvas.DrawRoundRect(new SKRect(Side * 0.28f, Side * 0.18f, Side * 0.72f, Side * 0.84f), 18, 18, fill);
        using var label = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(230) };
        canvas.DrawRoundRect(new SKRect(Side * 0.34f, Side * 0.4f, Side * 0.66f, Side * 0.62f), 8, 8, label);
        canvas.DrawCircle(Side * 0.5f, Side * 0.51f, Side * 0.06f, detail);
        using var bean = new SKPaint { IsAntialias = true, Color = new SKColor(0x5D, 0x3A, 0x1A) };
        for (var i = 0; i < 5 + random.Next(0, 5); i++)
        {
            canvas.DrawOval(Side * (0.2f + (float)random.NextDouble() * 0.6f), Side * (0.86f + (float)random.NextDouble() * 0.06f), 7, 5, bean);
        }
    }

    /// <summary>A basket woven of crossing strips.</summary>
    private static void Basket(SKCanvas canvas, Random random, SKPaint fill, SKPaint detail)
    {
        var basket = new SKRect(Side * 0.18f, Side * 0.38f, Side * 0.82f, Side * 0.84f);
        canvas.DrawRoundRect(basket, 24, 24, fill);
        using var handle = new SKPaint { IsAntialias = true, Color = fill.Color, Style = SKPaintStyle.Stroke, StrokeWidth = 10 };
        canvas.DrawArc(new SKRect(Side * 0.3f, Side * 0.16f, Side * 0.7f, Side * 0.6f), 180, 180, false, handle);
        var strip = 12 + random.Next(0, 8);
        canvas.Save();
        canvas.ClipRoundRect(new SKRoundRect(basket, 24, 24), antialias: true);
        for (var y = basket.Top; y < basket.Bottom; y += strip * 2)
        {
            canvas.DrawRect(basket.Left, y, basket.Width, strip * 0.6f, detail);
        }

        canvas.Restore();
    }

    /// <summary>A phone with a lit screen.</summary>
    private static void Phone(SKCanvas canvas, Random random, SKPaint fill, SKPaint detail)
    {
        using var body = new SKPaint { IsAntialias = true, Color = new SKColor(0x22, 0x22, 0x28) };
        var tilt = random.Next(-8, 9);
        canvas.Save();
        canvas.RotateDegrees(tilt, Side / 2f, Side / 2f);
        canvas.DrawRoundRect(new SKRect(Side * 0.33f, Side * 0.14f, Side * 0.67f, Side * 0.84f), 20, 20, body);
        canvas.DrawRoundRect(new SKRect(Side * 0.36f, Side * 0.19f, Side * 0.64f, Side * 0.78f), 10, 10, fill);
        canvas.DrawCircle(Side * 0.5f, Side * 0.42f, Side * 0.07f, detail);
        canvas.Restore();
    }

    /// <summary>A wrapped parcel, for every other cluster.</summary>
    private static void Box(SKCanvas canvas, Random random, SKPaint fill, SKPaint detail)
    {
        var width = 0.5f + ((float)random.NextDouble() * 0.16f);
        var box = new SKRect(Side * (0.5f - (width / 2)), Side * 0.3f, Side * (0.5f + (width / 2)), Side * 0.84f);
        canvas.DrawRoundRect(box, 8, 8, fill);
        canvas.DrawRect(box.MidX - 8, box.Top, 16, box.Height, detail);
        canvas.DrawRect(box.Left, box.Top + (box.Height * 0.3f), box.Width, 12, detail);
    }

    /// <summary>FNV-1a: a hash of the category's code that is the same in every process, unlike string.GetHashCode.</summary>
    private static int Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}

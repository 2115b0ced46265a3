using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>Real, decodable images made on the spot, and the hostile files the upload must defuse.</summary>
public static class TestImages
{
    private static int _drawn;

    public static byte[] Png(int width = 64, int height = 48) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width = 64, int height = 48) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Webp(int width = 64, int height = 48) => Encode(width, height, SKEncodedImageFormat.Webp);

    public static (int Width, int Height) SizeOf(byte[] image)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(image)) ?? throw new InvalidOperationException("Not an image.");
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>
    /// A valid PNG header claiming <paramref name="side"/> x <paramref name="side"/> RGB pixels, followed by that many
    /// black rows, deflated: 30,000 x 30,000 comes to about 2.5 MB, and 2.7 GB once decoded.
    /// </summary>
    public static byte[] HugePng(int side)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 8;
        header[9] = 2;
        Chunk(output, "IHDR", header);
        using (var deflated = new MemoryStream())
        {
            using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
            {
                var row = new byte[1 + (side * 3)];
                for (var y = 0; y < side; y++)
                {
                    zlib.Write(row);
                }
            }

            Chunk(output, "IDAT", deflated.ToArray());
        }

        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>
    /// A JPEG of <paramref name="width"/> x <paramref name="height"/> carrying an EXIF block (orientation "turn right",
    /// a GPS position in Jakarta) and <paramref name="trailer"/> appended after the end of the image.
    /// </summary>
    public static byte[] JpegWithGpsAndTrailer(int width, int height, string trailer)
    {
        var jpeg = Jpeg(width, height);
        var exif = Exif();
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + exif.Length));
        exif.CopyTo(segment, 4);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2), .. Encoding.ASCII.GetBytes(trailer)];
    }

    /// <summary>"Exif\0\0", a big-endian TIFF header, IFD0 (orientation 6, GPS pointer) and a GPS IFD (latitude 6°12' S).</summary>
    private static byte[] Exif()
    {
        var tiff = new byte[8 + 2 + (2 * 12) + 4 + 2 + (2 * 12) + 4 + 24];
        var t = tiff.AsSpan();
        "MM"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt16BigEndian(t[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(t[4..], 8);
        const int ifd0 = 8, gps = ifd0 + 2 + 24 + 4, rationals = gps + 2 + 24 + 4;
        BinaryPrimitives.WriteUInt16BigEndian(t[ifd0..], 2);
        Entry(t[(ifd0 + 2)..], 0x0112, 3, 1, 6 << 16);
        Entry(t[(ifd0 + 14)..], 0x8825, 4, 1, gps);
        BinaryPrimitives.WriteUInt16BigEndian(t[gps..], 2);
        Entry(t[(gps + 2)..], 0x0001, 2, 2, 'S' << 24);
        Entry(t[(gps + 14)..], 0x0002, 5, 3, rationals);
        uint[] latitude = [6, 1, 12, 1, 0, 1];
        for (var i = 0; i < latitude.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(t[(rationals + (4 * i))..], latitude[i]);
        }

        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, int value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, tag);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
        BinaryPrimitives.WriteInt32BigEndian(at[8..], value);
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        output.Write(number);
    }

    /// <summary>The CRC-32 every PNG chunk ends with (ISO 3309, as in PNG's specification, annex D).</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x8B, 0x45, 0x13));
            using var paint = new SKPaint { Color = new SKColor(0xF5, 0xDE, 0xB3) };
            canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);

            // Each image its own picture: identical photos would match each other, and a test that refuses one listing
            // would hold every later listing of the suite's shops for a re-used photo. An 8 x 6 grid of random greys,
            // since the hash reads the 8 x 8 lowest frequencies: a coarser grid drew pairs of near-identical hashes
            // among a hundred photos, which the front check rightly took for a shared photo.
            var random = new Random(Interlocked.Increment(ref _drawn));
            for (var cell = 0; cell < 48; cell++)
            {
                var level = (byte)random.Next(256);
                paint.Color = new SKColor(level, level, level);
                canvas.DrawRect(cell % 8 * width / 8f, cell / 8 * height / 6f, width / 8f, height / 6f, paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}

using System.Numerics;

namespace Marketplace.Domain.Listings;

/// <summary>
/// A 64-bit perceptual hash of a photo (a DCT hash): the signs of the 64 lowest-frequency cosine coefficients of the
/// photo shrunk to <see cref="Side"/> × <see cref="Side"/> grey levels. Rescaling, recompression, brightness and small
/// overlays move few signs, so copies land a few bits apart while distinct photos differ in about half the bits.
/// Mirroring left to right flips exactly the signs of the coefficients of odd horizontal frequency, so a mirrored copy
/// is <see cref="Mirrored"/> of the original, bit for bit; a lookup compares against both and the stored hash needs
/// no canonical form. The threshold was tuned on generated copies (tests/benchmarks/photo-match.sh); lookups cut the
/// hash into bands (<see cref="PhotoHashBands"/>).
/// </summary>
public readonly record struct PhotoHash(long Bits)
{
    /// <summary>The grey image the hash reads is this many pixels on each side.</summary>
    public const int Side = 32;

    /// <summary>Photos at most this many bits apart (after mirroring, if that is closer) are the same photo.</summary>
    public const int MatchDistance = 9;

    /// <summary>The coefficients read, as (horizontal, vertical) frequency: the 8 × 8 lowest, the constant term replaced by (0, 8).</summary>
    private static readonly (int U, int V)[] Coefficients = [.. Enumerable.Range(0, 64).Select(i => i == 0 ? (0, 8) : (i % 8, i / 8))];

    private static readonly double[,] Cosines = CosineTable();

    /// <summary>The bits whose coefficient changes sign when the photo is mirrored left to right (odd horizontal frequency).</summary>
    private static readonly long MirrorMask = Coefficients.Select((c, bit) => c.U % 2 == 1 ? 1L << bit : 0L).Aggregate(0L, (a, b) => a | b);

    /// <summary>A photo whose grey levels spread less than this (standard deviation, of 255) shows nothing to match.</summary>
    public const double FlatSpread = 1.5;

    /// <summary>
    /// The hash of a grey image of <see cref="Side"/> × <see cref="Side"/> levels from 0 to 255, row by row from the top
    /// left; null for a flat picture (one colour), whose coefficients are all near zero and whose signs would be noise,
    /// so every blank photo would match every other.
    /// </summary>
    public static PhotoHash? Of(ReadOnlySpan<float> grey)
    {
        if (grey.Length != Side * Side)
        {
            throw new ArgumentException($"A photo hash reads {Side} × {Side} grey levels.", nameof(grey));
        }

        var mean = 0.0;
        foreach (var level in grey)
        {
            mean += level;
        }

        mean /= grey.Length;
        var variance = 0.0;
        foreach (var level in grey)
        {
            variance += (level - mean) * (level - mean);
        }

        if (Math.Sqrt(variance / grey.Length) < FlatSpread)
        {
            return null;
        }

        // Rows first: each row's horizontal frequencies 0..7, then the vertical sums for the coefficients read.
        var rows = new double[Side, 8];
        for (var y = 0; y < Side; y++)
        {
            for (var u = 0; u < 8; u++)
            {
                var sum = 0.0;
                for (var x = 0; x < Side; x++)
                {
                    sum += grey[(y * Side) + x] * Cosines[u, x];
                }

                rows[y, u] = sum;
            }
        }

        var bits = 0L;
        for (var bit = 0; bit < Coefficients.Length; bit++)
        {
            var (u, v) = Coefficients[bit];
            var sum = 0.0;
            for (var y = 0; y < Side; y++)
            {
                sum += rows[y, u] * Cosines[v, y];
            }

            if (sum > 0)
            {
                bits |= 1L << bit;
            }
        }

        return new PhotoHash(bits);
    }

    /// <summary>The 64 bits in hexadecimal (the generated form would print <see cref="Mirrored"/>, a hash, without end).</summary>
    public override string ToString() => ((ulong)Bits).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The hash of the same photo mirrored left to right.</summary>
    public PhotoHash Mirrored => new(Bits ^ MirrorMask);

    /// <summary>Bits apart, taking the mirror image when it is closer.</summary>
    public int DistanceTo(PhotoHash other) =>
        Math.Min(BitOperations.PopCount((ulong)(Bits ^ other.Bits)), BitOperations.PopCount((ulong)(Bits ^ other.Bits ^ MirrorMask)));

    private static double[,] CosineTable()
    {
        var table = new double[9, Side];
        for (var frequency = 0; frequency < 9; frequency++)
        {
            for (var x = 0; x < Side; x++)
            {
                table[frequency, x] = Math.Cos(Math.PI * ((2 * x) + 1) * frequency / (2 * Side));
            }
        }

        return table;
    }
}

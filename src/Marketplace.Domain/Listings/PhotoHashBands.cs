using System.Globalization;
using System.Numerics;

namespace Marketplace.Domain.Listings;

/// <summary>
/// A cut of the 64-bit <see cref="PhotoHash"/> into bands, each an indexed column, for lookup by multi-index hashing: a
/// lookup reads the rows whose band is within <see cref="Radius"/> bits of the query's band or its mirror's, then checks
/// the whole hash. By pigeonhole, a hash at most <see cref="Guaranteed"/> bits away agrees with the query in some band to
/// within the radius. A lookup's cost is one index descent per probed value plus the rows that share a probed value by
/// chance, so the cut suits the number of rows searched: wide bands probe many values that each hold few rows, narrow bands
/// few values that each hold more.
/// </summary>
public sealed class PhotoHashBands
{
    /// <summary>
    /// For every stored photo (millions of photos, nine fingerprints each): three bands of 21, 21 and 22 bits within 2 bits
    /// (about 1,400 probed values, each holding a row by chance only every few million); every hash within 8 bits is found,
    /// at exactly 9 only the 3 + 3 + 3 split escapes (about one in ten).
    /// </summary>
    public static readonly PhotoHashBands Wide = new([0, 21, 42, 64], 2);

    /// <summary>
    /// For the photos of refused listings, the ones the policy's lookup searches at each decision (a tenth of the photos or
    /// fewer): five bands of 13, 13, 13, 13 and 12 bits within 1 bit, about 140 probed values instead of 1,400, each holding a
    /// hundred rows at a million photos; every hash within <see cref="PhotoHash.MatchDistance"/> bits is found.
    /// </summary>
    public static readonly PhotoHashBands Narrow = new([0, 13, 26, 39, 52, 64], 1);

    private readonly int[] _starts;

    private PhotoHashBands(int[] starts, int radius)
    {
        _starts = starts;
        Radius = radius;
    }

    /// <summary>The number of bands, each a column named band0, band1 and so on.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>The bits a band may differ from the query's and still be read.</summary>
    public int Radius { get; }

    /// <summary>Every hash at most this many bits away is found: with fewer, some band differs by at most <see cref="Radius"/>.</summary>
    public int Guaranteed => (Count * (Radius + 1)) - 1;

    /// <summary>Band <paramref name="index"/> of the hash as a non-negative number, as stored in its indexed column.</summary>
    public int Band(PhotoHash hash, int index) => (int)((hash.Bits >>> _starts[index]) & Mask(index));

    /// <summary>The same band computed in SQL from a bigint column holding the hash, for a generated column.</summary>
    public string Sql(string hashColumn, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"(({hashColumn} >> {_starts[index]}) & {Mask(index)})::integer");

    /// <summary>
    /// Whether a lookup for <paramref name="query"/> finds <paramref name="stored"/>, exactly as the SQL lookup does: some
    /// band of the stored hash is among <see cref="Probes"/>, and the whole hash is within <see cref="PhotoHash.MatchDistance"/> bits.
    /// </summary>
    public bool Finds(PhotoHash query, PhotoHash stored)
    {
        if (query.DistanceTo(stored) > PhotoHash.MatchDistance)
        {
            return false;
        }

        for (var band = 0; band < Count; band++)
        {
            var value = Band(stored, band);
            if (BitOperations.PopCount((uint)(value ^ Band(query, band))) <= Radius || BitOperations.PopCount((uint)(value ^ Band(query.Mirrored, band))) <= Radius)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The values each band column is read for: those within <see cref="Radius"/> bits of the query's band or its mirror's.</summary>
    public IReadOnlyList<int[]> Probes(PhotoHash query)
    {
        var probes = new List<int[]>(Count);
        for (var band = 0; band < Count; band++)
        {
            var values = new HashSet<int>();
            AddNeighbours(values, Band(query, band), Width(band), 0, Radius);
            AddNeighbours(values, Band(query.Mirrored, band), Width(band), 0, Radius);
            probes.Add([.. values.Order()]);
        }

        return probes;
    }

    private int Width(int index) => _starts[index + 1] - _starts[index];

    private long Mask(int index) => (1L << Width(index)) - 1;

    private static void AddNeighbours(HashSet<int> values, int value, int width, int fromBit, int flips)
    {
        values.Add(value);
        if (flips == 0)
        {
            return;
        }

        for (var bit = fromBit; bit < width; bit++)
        {
            AddNeighbours(values, value ^ (1 << bit), width, bit + 1, flips - 1);
        }
    }
}

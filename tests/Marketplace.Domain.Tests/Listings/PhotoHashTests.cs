using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Tests.Listings;

/// <summary>The perceptual hash's arithmetic: mirroring, flat pictures, and the band lookup's guarantee.</summary>
public class PhotoHashTests
{
    private const int Side = PhotoHash.Side;

    [Fact]
    public void A_mirrored_picture_hashes_to_the_mirror_of_the_hash_bit_for_bit()
    {
        var grey = Picture(seed: 3);
        var mirrored = new float[grey.Length];
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                mirrored[(y * Side) + x] = grey[(y * Side) + (Side - 1 - x)];
            }
        }

        var hash = PhotoHash.Of(grey)!.Value;
        PhotoHash.Of(mirrored)!.Value.Should().Be(hash.Mirrored);
        hash.DistanceTo(hash.Mirrored).Should().Be(0, "a lookup compares with the mirror image too");
    }

    [Fact]
    public void A_flat_picture_has_no_hash_so_blank_photos_never_match_each_other()
    {
        PhotoHash.Of(Enumerable.Repeat(200f, Side * Side).ToArray()).Should().BeNull();
    }

    [Fact]
    public void Different_pictures_are_far_apart()
    {
        PhotoHash.Of(Picture(1))!.Value.DistanceTo(PhotoHash.Of(Picture(2))!.Value).Should().BeGreaterThan(PhotoHash.MatchDistance);
    }

    [Theory]
    [InlineData("wide", 8)]
    [InlineData("narrow", PhotoHash.MatchDistance)]
    public void Every_hash_within_the_guaranteed_distance_is_found_through_the_bands_and_none_beyond_the_match_distance(string cut, int guaranteed)
    {
        var bands = cut == "wide" ? PhotoHashBands.Wide : PhotoHashBands.Narrow;
        bands.Guaranteed.Should().Be(guaranteed);
        var random = new Random(5);
        var query = new PhotoHash(random.NextInt64());
        var probes = bands.Probes(query);
        for (var trial = 0; trial < 2000; trial++)
        {
            var flips = trial % 12;
            var stored = query;
            foreach (var bit in Enumerable.Range(0, 64).OrderBy(_ => random.Next()).Take(flips))
            {
                stored = new PhotoHash(stored.Bits ^ (1L << bit));
            }

            if (trial % 2 == 1)
            {
                stored = stored.Mirrored;
            }

            var found = bands.Finds(query, stored);
            var probed = Enumerable.Range(0, bands.Count).Any(b => probes[b].Contains(bands.Band(stored, b)));
            found.Should().Be(probed && flips <= PhotoHash.MatchDistance, "the lookup reads the probed bands, then checks the distance");
            if (flips <= guaranteed)
            {
                found.Should().BeTrue("by pigeonhole some band is within {0} bits ({1} bits flipped)", bands.Radius, flips);
            }
        }
    }

    [Fact]
    public void The_narrow_cut_probes_a_tenth_of_the_values_the_wide_cut_does()
    {
        var query = new PhotoHash(new Random(9).NextInt64());
        PhotoHashBands.Narrow.Probes(query).Sum(p => p.Length).Should().BeLessThanOrEqualTo(PhotoHashBands.Wide.Probes(query).Sum(p => p.Length) / 9);
    }

    private static float[] Picture(int seed)
    {
        var random = new Random(seed);
        var grey = new float[Side * Side];
        for (var block = 0; block < 16; block++)
        {
            var level = random.Next(256);
            for (var y = block / 4 * 8; y < (block / 4 * 8) + 8; y++)
            {
                for (var x = block % 4 * 8; x < (block % 4 * 8) + 8; x++)
                {
                    // Texture on the blocks: a picture of exact blocks has coefficients that are zero but for rounding, whose
                    // signs no photo would have.
                    grey[(y * Side) + x] = level + (float)(random.NextDouble() * 20);
                }
            }
        }

        return grey;
    }
}

using Marketplace.Domain.Listings;
using Marketplace.Web.Features.Photos;
using SkiaSharp;

namespace Marketplace.Web.Tests.Sellers.PhotoCopies;

/// <summary>
/// The copies a re-user makes of a photo are found among its stored fingerprints; distinct photos are not. A small set,
/// so the suite stays fast; tests/benchmarks/photo-match.sh measures the same copies in larger numbers.
/// </summary>
public sealed class PhotoMatchingTests
{
    private const int Photos = 8;

    [Fact]
    public void At_least_95_percent_of_the_copies_are_found_and_no_distinct_photo_is()
    {
        var stored = new List<IReadOnlyList<PhotoHash>>();
        var found = new Dictionary<string, int>();
        for (var seed = 0; seed < Photos; seed++)
        {
            var photo = GeneratedPhotos.Draw(1000 + seed);
            using (var decoded = SKBitmap.Decode(photo))
            {
                stored.Add(PhotoHashes.FingerprintsOf(decoded));
            }

            foreach (var copy in GeneratedPhotos.Copies)
            {
                var query = PhotoHashes.Of(copy.Make(photo))!.Value;
                found[copy.Name] = found.GetValueOrDefault(copy.Name) + (stored[^1].Any(f => PhotoHashBands.Narrow.Finds(query, f)) ? 1 : 0);
            }
        }

        var total = found.Values.Sum();
        total.Should().BeGreaterThanOrEqualTo((int)Math.Ceiling(0.95 * Photos * GeneratedPhotos.Copies.Count), "found per copy: {0}", string.Join(", ", found));
        found.Values.Should().OnlyContain(n => n >= Photos - 1, "no kind of copy escapes more than once in {0}: {1}", Photos, string.Join(", ", found));

        for (var i = 0; i < Photos; i++)
        {
            for (var j = 0; j < Photos; j++)
            {
                if (i != j)
                {
                    stored[i].Should().NotContain(f => PhotoHashBands.Narrow.Finds(stored[j][0], f), "photo {0} and photo {1} are different pictures", i, j);
                }
            }
        }
    }

    [Fact]
    public void A_photo_is_stored_with_its_whole_hash_first_then_one_per_crop()
    {
        using var decoded = SKBitmap.Decode(GeneratedPhotos.Draw(7));

        var fingerprints = PhotoHashes.FingerprintsOf(decoded);

        fingerprints.Should().HaveCount(PhotoHashes.PartCount);
        fingerprints[0].Should().Be(PhotoHashes.Of(decoded));
    }
}

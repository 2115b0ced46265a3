using System.Diagnostics;
using System.Globalization;
using Marketplace.Domain.Listings;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Tests.Sellers.PhotoCopies;
using SkiaSharp;

namespace Marketplace.Benchmarks;

/// <summary>
/// Photo matching: the share of copies (rescaled, recompressed, cropped, mirrored, brighter, darker, with text) found
/// within <see cref="PhotoHash.MatchDistance"/> bits of their original, the share of distinct photos found that close
/// to each other, and the lookup time among a million stored hashes in PostgreSQL.
/// </summary>
internal static class PhotoMatchBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var stored = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var bannedShare = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0.1;

        var watch = Stopwatch.StartNew();
        var originals = new PhotoHash[count];
        var fingerprints = new IReadOnlyList<PhotoHash>[count];
        var distances = GeneratedPhotos.Copies.ToDictionary(c => c.Name, _ => new int[count]);
        var found = GeneratedPhotos.Copies.ToDictionary(c => c.Name, _ => new bool[count]);
        var copies = new PhotoHash[count * GeneratedPhotos.Copies.Count];
        Parallel.For(0, count, i =>
        {
            var photo = GeneratedPhotos.Draw(i);
            using (var decoded = SKBitmap.Decode(photo))
            {
                fingerprints[i] = PhotoHashes.FingerprintsOf(decoded);
            }

            originals[i] = fingerprints[i][0];
            for (var c = 0; c < GeneratedPhotos.Copies.Count; c++)
            {
                var copy = GeneratedPhotos.Copies[c];
                var copied = PhotoHashes.Of(copy.Make(photo))!.Value;
                copies[(i * GeneratedPhotos.Copies.Count) + c] = copied;
                distances[copy.Name][i] = fingerprints[i].Min(f => f.DistanceTo(copied));
                found[copy.Name][i] = fingerprints[i].Any(f => PhotoHashBands.Narrow.Finds(copied, f));
            }
        });
        Console.WriteLine($"{count} generated photos and {count * GeneratedPhotos.Copies.Count} copies hashed in {watch.Elapsed.TotalSeconds:N1} s; a match is at most {PhotoHash.MatchDistance} of 64 bits apart (mirror image included).");
        Console.WriteLine();
        Console.WriteLine($"{"copy",-32} {"found",8} {"median",7} {"p95",4} {"max",4}  (bits to the nearest part)  within: " + string.Join(" ", Enumerable.Range(5, 9).Select(t => $"{t,-8}")));
        foreach (var (name, apart) in distances)
        {
            var sorted = apart.Order().ToArray();
            Console.WriteLine($"{name,-32} {Share(found[name].Count(f => f), apart.Length),8} {sorted[sorted.Length / 2],7} {sorted[(int)(sorted.Length * 0.95)],4} {sorted[^1],4}  " + string.Join(" ", Enumerable.Range(5, 9).Select(t => $"{Share(apart.Count(d => d <= t), apart.Length),8}")));
        }

        Console.WriteLine($"{"all copies",-32} {Share(found.Values.Sum(f => f.Count(x => x)), found.Values.Sum(f => f.Length)),8}");
        Console.WriteLine();

        var pairs = 0L;
        var falsePairs = 0L;
        var histogram = new long[65];
        for (var i = 0; i < count; i++)
        {
            for (var j = i + 1; j < count; j++)
            {
                // The lookup compares a new photo's whole hash with every part of the stored ones, in both directions here.
                var d = Math.Min(fingerprints[i].Min(f => f.DistanceTo(originals[j])), fingerprints[j].Min(f => f.DistanceTo(originals[i])));
                histogram[d]++;
                pairs++;
                falsePairs += fingerprints[i].Any(f => PhotoHashBands.Narrow.Finds(originals[j], f)) || fingerprints[j].Any(f => PhotoHashBands.Narrow.Finds(originals[i], f)) ? 1 : 0;
            }
        }

        var photosWithFalseMatch = Enumerable.Range(0, count).Count(i => Enumerable.Range(0, count).Any(j => j != i && fingerprints[j].Any(f => PhotoHashBands.Narrow.Finds(originals[i], f))));
        Console.WriteLine($"Distinct photos: {Share(falsePairs, pairs)} of {pairs:N0} pairs match falsely; {Share(photosWithFalseMatch, count)} of {count} photos match at least one other of the set.");
        Console.WriteLine("Pairs of distinct photos by bits apart (lowest): " + string.Join(", ", Enumerable.Range(0, 25).Where(d => histogram[d] > 0).Select(d => $"{d}: {histogram[d]}")));
        Console.WriteLine();

        if (stored > 0)
        {
            await PhotoLookupBenchmark.RunAsync(stored, (int)(stored * bannedShare), fingerprints, copies);
        }
    }

    private static string Share(long part, long whole) => (100.0 * part / whole).ToString("0.00", CultureInfo.InvariantCulture) + " %";
}

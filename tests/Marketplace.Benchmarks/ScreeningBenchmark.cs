using System.Diagnostics;
using System.Globalization;
using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Policy.ScreeningSets;

namespace Marketplace.Benchmarks;

/// <summary>
/// Screening time per listing over the screening sets (disguised and legitimate), repeated: normalisation with the
/// lexicons, then with the demo text model as well, against a baseline measured in the same run, a plain lower-case
/// substring search of every lexicon term.
/// </summary>
internal static class ScreeningBenchmark
{
    private const int Repeats = 10;

    private static readonly DateTimeOffset Instant = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static void Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var clusters = ReferenceCatalog.Clusters.Select((c, i) => new ClusterRef(i + 1, c.Code, c.NameId, c.NameEn)).ToDictionary(c => c.Code);
        var policy = new PolicyInForce(
            1,
            [.. ReferenceCatalog.Clusters.Where(c => c.BlockedForCrossBorder).Select(c => new ClusterBlockWindow(clusters[c.Code].Id, Instant.AddYears(-1), null))],
            [.. ReferenceCatalog.Lexicons.Select(l => new ClusterLexicon(clusters[l.ClusterCode], l.Terms))],
            CrossBorderMinimumPrice.Off);
        var plainTerms = ReferenceCatalog.Lexicons.SelectMany(l => l.Terms).Where(t => t[0] != ClusterLexicon.ExceptionMark).ToArray();
        var electronics = clusters[ReferenceCatalog.Electronics];
        var listings = ScreeningSet.Disguised.Concat(ScreeningSet.Legitimate)
            .Select(c => new PolicySubject(c.Title, c.Description, new Rupiah(2_000_000), ProductOrigin.Imported, SellerOrigin.CrossBorder, SellerStatus.Active, electronics, [], false))
            .ToArray();

        var watch = Stopwatch.StartNew();
        var model = DemoTextModel.Train();
        Console.WriteLine($"Trained the demo text model in {watch.Elapsed.TotalSeconds:N1} s; {listings.Length} listings x {rounds} rounds.");

        var baseline = new List<double>();
        var lexicons = new List<double>();
        var withModel = new List<double>();
        var normaliseOnly = new List<double>();
        var stemsOnly = new List<double>();
        var sink = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var b = Time(() =>
            {
                foreach (var l in listings)
                {
                    var text = (l.Title + "\n" + l.Description).ToLowerInvariant();
                    sink += plainTerms.Count(t => text.Contains(t, StringComparison.Ordinal));
                }
            });
            var x = Time(() =>
            {
                foreach (var l in listings)
                {
                    sink += ListingPolicy.Decide(l, policy, Instant).Reasons.Count;
                }
            });
            var n = Time(() =>
            {
                foreach (var l in listings)
                {
                    sink += LexiconText.Tokens(l.Title + "\n" + l.Description).Length;
                }
            });
            var s = Time(() =>
            {
                foreach (var l in listings)
                {
                    sink += LexiconText.WordsWithStems(l.Title + "\n" + l.Description).Length;
                }
            });
            var m = Time(() =>
            {
                foreach (var l in listings)
                {
                    var subject = l with { Predicted = model.Classify(l.Title, l.Description, l.Cluster, clusters) };
                    sink += ListingPolicy.Decide(subject, policy, Instant).Reasons.Count;
                }
            });

            // Round 0 warms the JIT and the prediction engines up and is not counted.
            if (round > 0)
            {
                baseline.Add(b / listings.Length);
                lexicons.Add(x / listings.Length);
                withModel.Add(m / listings.Length);
                normaliseOnly.Add(n / listings.Length);
                stemsOnly.Add(s / listings.Length);
            }
        }

        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        Console.WriteLine($"median processor µs per listing over {rounds} rounds (checksum {sink}):");
        Console.WriteLine($"  baseline: lower-case substring search of {plainTerms.Length} terms: {Median(baseline),8:N1} µs  1.00x");
        Console.WriteLine($"  normalise only:                                     {Median(normaliseOnly),8:N1} µs  {Median(normaliseOnly) / Median(baseline):0.00}x");
        Console.WriteLine($"  normalise + stems:                                  {Median(stemsOnly),8:N1} µs  {Median(stemsOnly) / Median(baseline):0.00}x");
        Console.WriteLine($"  normalise + lexicons (policy decision):             {Median(lexicons),8:N1} µs  {Median(lexicons) / Median(baseline):0.00}x");
        Console.WriteLine($"  normalise + lexicons + text model:                  {Median(withModel),8:N1} µs  {Median(withModel) / Median(baseline):0.00}x");
    }

    /// <summary>
    /// The work's processor time rather than its wall-clock time: on this shared machine a runnable thread waits for a
    /// core, and the wait is not the screening's cost. The loop is single-threaded, so the process's time is the loop's.
    /// </summary>
    /// <remarks>The processor clock ticks in 10 ms steps here, so the work runs <see cref="Repeats"/> times per reading.</remarks>
    private static double Time(Action work)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        for (var i = 0; i < Repeats; i++)
        {
            work();
        }

        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMicroseconds / Repeats;
    }
}

using System.Diagnostics;
using System.Globalization;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Tests.Policy.ScreeningSets;

namespace Marketplace.Benchmarks;

/// <summary>
/// The screening's figures on the screening sets: for every trick family (tuning families, then the held-out ones the lexicon
/// was not tuned on) the share the lexicons catch, and of a held-out family the share caught by the disguise itself (the
/// listing would pass without it); the share of legitimate open-cluster listings held; and the processor time
/// per listing of a policy decision, against a plain lower-case substring search of every lexicon term in the same run.
/// </summary>
internal static class ScreeningBenchmark
{
    private const int Repeats = 10;

    public static void Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        PrintCatches();
        Console.WriteLine();
        PrintTimes(rounds);
    }

    private static void PrintCatches()
    {
        Console.WriteLine("split     family                n   caught  by the disguise itself");
        var families = ScreeningSet.TuningDisguised.Concat(ScreeningSet.HeldOutDisguised).GroupBy(c => (c.Family, c.HeldOut)).ToList();
        foreach (var family in families)
        {
            Console.WriteLine(Row(family.Key.HeldOut, family.Key.Family, family.Count(), family.Count(Caught), family.Key.HeldOut ? family.Count(ReferenceScreening.CaughtByDisguise) : null));
        }

        var heldOut = ScreeningSet.HeldOutDisguised;
        Console.WriteLine(Row(true, "all held-out", heldOut.Count, heldOut.Count(Caught), heldOut.Count(ReferenceScreening.CaughtByDisguise)));
        foreach (var family in ScreeningSet.FreshDisguised.GroupBy(c => c.Family))
        {
            Console.WriteLine(Row(true, "fresh " + family.Key, family.Count(), family.Count(Caught)));
        }

        Console.WriteLine(Row(true, "all fresh", ScreeningSet.FreshDisguised.Count, ScreeningSet.FreshDisguised.Count(Caught)));
        Console.WriteLine();
        Console.WriteLine("legitimate open-cluster listings held (false positives):");
        Console.WriteLine(Row(false, "legitimate", ScreeningSet.TuningLegitimate.Count, ScreeningSet.TuningLegitimate.Count(Held)));
        Console.WriteLine(Row(true, "legitimate", ScreeningSet.HeldOutLegitimate.Count, ScreeningSet.HeldOutLegitimate.Count(Held)));
        Console.WriteLine(Row(true, "fresh legitimate", ScreeningSet.FreshLegitimate.Count, ScreeningSet.FreshLegitimate.Count(Held)));
    }

    private static bool Caught(ScreeningCase listing) => ReferenceScreening.Caught(listing, ReferenceScreening.Decide(listing));

    private static bool Held(ScreeningCase listing) => ReferenceScreening.Held(ReferenceScreening.Decide(listing));

    private static string Row(bool heldOut, string family, int listings, int flagged, int? byDisguise = null) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(heldOut ? "held-out" : "tuning"),-9} {family,-32} {listings,4}  {100.0 * flagged / listings,6:0.0} %  {(byDisguise is { } d ? $"{100.0 * d / listings,6:0.0} %" : string.Empty)}");

    private static void PrintTimes(int rounds)
    {
        var cases = ScreeningSet.TuningDisguised.Concat(ScreeningSet.HeldOutDisguised).Concat(ScreeningSet.TuningLegitimate).Concat(ScreeningSet.HeldOutLegitimate)
            .Concat(ScreeningSet.FreshDisguised).Concat(ScreeningSet.FreshLegitimate).ToArray();
        var subjects = cases.Select(ReferenceScreening.Subject).ToArray();
        var plainTerms = ReferenceScreening.Policy.Lexicons.SelectMany(l => l.Terms).Where(t => t[0] != ClusterLexicon.ExceptionMark).ToArray();

        var baseline = new List<double>();
        var lexicons = new List<double>();
        var sink = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var b = Time(() =>
            {
                foreach (var s in subjects)
                {
                    var text = (s.Title + "\n" + s.Description).ToLowerInvariant();
                    sink += plainTerms.Count(t => text.Contains(t, StringComparison.Ordinal));
                }
            });
            var x = Time(() =>
            {
                foreach (var s in subjects)
                {
                    sink += ListingPolicy.Decide(s, ReferenceScreening.Policy, ReferenceScreening.Instant).Reasons.Count;
                }
            });

            // Round 0 warms the JIT and the word memories up and is not counted.
            if (round > 0)
            {
                baseline.Add(b / subjects.Length);
                lexicons.Add(x / subjects.Length);
            }
        }

        static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        Console.WriteLine($"median processor µs per listing, {subjects.Length} listings x {rounds} rounds (checksum {sink}):");
        Console.WriteLine($"  baseline: lower-case substring search of {plainTerms.Length} terms: {Median(baseline),8:N1} µs");
        Console.WriteLine($"  policy decision with the lexicons:                  {Median(lexicons),8:N1} µs");
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

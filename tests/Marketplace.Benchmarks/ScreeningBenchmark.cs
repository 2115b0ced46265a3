using System.Diagnostics;
using System.Globalization;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Tests.Policy.ScreeningSets;
using Marketplace.Web.Features.Screening;
using Marketplace.Web.Tests.Policy.ScreeningSets;

namespace Marketplace.Benchmarks;

/// <summary>
/// The screening's figures on the screening sets: for every trick family (tuning families, then the held-out ones the lexicon
/// and the model never saw) the share caught by the lexicon alone, the demo text model alone and both; the share of
/// legitimate open-cluster listings held; and the processor time per listing of a policy decision with the lexicons alone
/// and with the text model as well, against a plain lower-case substring search of every lexicon term in the same run.
/// </summary>
internal static class ScreeningBenchmark
{
    private const int Repeats = 10;

    public static void Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var watch = Stopwatch.StartNew();
        var model = DemoTextModel.Train();
        Console.WriteLine($"Trained the demo text model in {watch.Elapsed.TotalSeconds:N1} s.");
        Console.WriteLine();
        PrintCatches(model);
        Console.WriteLine();
        PrintTimes(model, rounds);
    }

    private static void PrintCatches(TextModel model)
    {
        Console.WriteLine("split     family          n   lexicon     model      both");
        var disguised = ScreeningMeasure.Disguised(model);
        foreach (var f in disguised)
        {
            Console.WriteLine(Row(f));
        }

        var heldOut = disguised.Where(f => f.HeldOut).ToList();
        Console.WriteLine(Row(new ScreeningFigures("all held-out", true, heldOut.Sum(f => f.Listings), heldOut.Sum(f => f.Lexicon), heldOut.Sum(f => f.Model), heldOut.Sum(f => f.Both))));
        Console.WriteLine();
        Console.WriteLine("legitimate open-cluster listings held (false positives):");
        foreach (var f in ScreeningMeasure.Legitimate(model))
        {
            Console.WriteLine(Row(f with { Family = "legitimate" }));
        }
    }

    private static string Row(ScreeningFigures f) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(f.HeldOut ? "held-out" : "tuning"),-9} {f.Family,-13} {f.Listings,4}  {Share(f.Lexicon, f.Listings),8}  {Share(f.Model, f.Listings),8}  {Share(f.Both, f.Listings),8}");

    private static string Share(int part, int whole) => string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.0} %");

    private static void PrintTimes(TextModel model, int rounds)
    {
        var cases = ScreeningSet.TuningDisguised.Concat(ScreeningSet.HeldOutDisguised).Concat(ScreeningSet.TuningLegitimate).Concat(ScreeningSet.HeldOutLegitimate).ToArray();
        var subjects = cases.Select(c => ReferenceScreening.Subject(c)).ToArray();
        var plainTerms = ReferenceScreening.Policy.Lexicons.SelectMany(l => l.Terms).Where(t => t[0] != ClusterLexicon.ExceptionMark).ToArray();

        var baseline = new List<double>();
        var lexicons = new List<double>();
        var withModel = new List<double>();
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
            var m = Time(() =>
            {
                foreach (var s in subjects)
                {
                    var subject = s with { Predicted = model.Classify(s.Title, s.Description, s.Cluster, ReferenceScreening.Clusters) };
                    sink += ListingPolicy.Decide(subject, ReferenceScreening.Policy, ReferenceScreening.Instant).Reasons.Count;
                }
            });

            // Round 0 warms the JIT and the word memories up and is not counted.
            if (round > 0)
            {
                baseline.Add(b / subjects.Length);
                lexicons.Add(x / subjects.Length);
                withModel.Add(m / subjects.Length);
            }
        }

        static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        Console.WriteLine($"median processor µs per listing, {subjects.Length} listings x {rounds} rounds (checksum {sink}):");
        Console.WriteLine($"  baseline: lower-case substring search of {plainTerms.Length} terms: {Median(baseline),8:N1} µs");
        Console.WriteLine($"  policy decision, lexicons alone:                    {Median(lexicons),8:N1} µs");
        Console.WriteLine($"  policy decision, lexicons and text model:           {Median(withModel),8:N1} µs");
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

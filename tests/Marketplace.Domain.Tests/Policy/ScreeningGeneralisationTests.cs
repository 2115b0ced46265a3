using System.Globalization;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Tests.Policy.ScreeningSets;
using Marketplace.Web.Data.Seed;
using Xunit.Abstractions;

namespace Marketplace.Domain.Tests.Policy;

/// <summary>
/// The keyword screening measured where it was not tuned: on trick families written apart from the lexicon and its spelling
/// folds (phonetic spellings, fused words, English names the lexicon does not list, goods named by origin or motif), and on
/// legitimate open-cluster listings never used to tune it. The shipped lexicon and the policy are the real ones.
/// </summary>
public sealed class ScreeningGeneralisationTests(ITestOutputHelper output)
{
    /// <summary>The share of legitimate open-cluster listings the screening may hold (issue 22's target).</summary>
    private const double HeldTarget = 0.01;

    /// <summary>
    /// What the lexicon catches of each held-out family, as measured when the families were first run (issue 22 sets 97 % as
    /// the target; these floors are below it and keep a regression from passing unnoticed). Goods named by origin or motif and
    /// English names outside the lexicon are not caught by any keyword rule: they need a reader that knows those words.
    /// </summary>
    private static readonly Dictionary<string, double> CaughtFloor = new(StringComparer.Ordinal)
    {
        ["phonetic"] = 0.85,
        ["fused"] = 0.94,
        ["english"] = 0.0,
        ["descriptive"] = 0.0,
    };

    [Fact]
    public void The_held_out_sets_are_apart_from_the_tuning_sets_and_large_enough()
    {
        ScreeningSet.HeldOutLegitimate.Should().HaveCountGreaterThanOrEqualTo(500);
        ScreeningSet.HeldOutDisguised.Select(c => c.Family).Distinct().Should().HaveCountGreaterThanOrEqualTo(4);
        ScreeningSet.HeldOutDisguised.Select(c => c.Family)
            .Intersect(ScreeningSet.TuningDisguised.Select(c => c.Family))
            .Should().BeEmpty("a family is either tuned on or held out, never both");

        var tuningTitles = ScreeningSet.TuningDisguised.Concat(ScreeningSet.TuningLegitimate).Select(c => LexiconText.Normalize(c.Title)).ToHashSet();
        ScreeningSet.HeldOutDisguised.Concat(ScreeningSet.HeldOutLegitimate)
            .Where(c => tuningTitles.Contains(LexiconText.Normalize(c.Title)))
            .Select(c => c.Title)
            .Should().BeEmpty("no held-out listing may also be a tuning listing");
    }

    [Fact]
    public void Every_held_out_disguise_is_a_word_the_lexicon_does_not_list_and_the_only_goods_word_of_its_listing()
    {
        var terms = ReferenceCatalog.Lexicons.SelectMany(l => l.Terms)
            .Where(t => t[0] != ClusterLexicon.ExceptionMark)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var c in ScreeningSet.HeldOutDisguised)
        {
            c.Title.Should().ContainEquivalentOf(c.Trick, "the disguise column names the written word of {0}", c.Title);
            terms.Should().NotContain(c.Trick, "a held-out disguise must not have been added to the lexicon");

            var rest = c with { Title = c.Title.Replace(c.Trick, " ", StringComparison.OrdinalIgnoreCase) };
            ReferenceScreening.Caught(rest, ReferenceScreening.Decide(rest)).Should()
                .BeFalse("without its disguise \"{0}\" must read as nothing, so the catch is the disguise's", c.Title);
        }
    }

    [Fact]
    public void The_lexicon_catches_the_held_out_families_and_holds_few_legitimate_listings()
    {
        var missed = ScreeningSet.HeldOutDisguised.Where(c => !ReferenceScreening.Caught(c, ReferenceScreening.Decide(c))).ToList();
        var held = ScreeningSet.HeldOutLegitimate.Where(c => ReferenceScreening.Held(ReferenceScreening.Decide(c))).ToList();

        foreach (var family in ScreeningSet.HeldOutDisguised.GroupBy(c => c.Family))
        {
            var caught = family.Count(c => !missed.Contains(c));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{family.Key,-12} {caught,3}/{family.Count(),3} caught"));
        }

        missed.ForEach(c => output.WriteLine($"missed [{c.Family} {c.Cluster}] {c.Title}"));
        held.ForEach(c => output.WriteLine($"held   [{c.Cluster}] {c.Title}"));

        foreach (var family in ScreeningSet.HeldOutDisguised.GroupBy(c => c.Family))
        {
            ((double)family.Count(c => !missed.Contains(c)) / family.Count()).Should().BeGreaterThanOrEqualTo(CaughtFloor[family.Key], "the held-out family {0}", family.Key);
        }

        ((double)held.Count / ScreeningSet.HeldOutLegitimate.Count).Should().BeLessThanOrEqualTo(HeldTarget);
    }

    [Fact]
    public void The_tuning_families_stay_caught_and_few_of_their_legitimate_listings_are_held()
    {
        var missed = ScreeningSet.TuningDisguised.Where(c => !ReferenceScreening.Caught(c, ReferenceScreening.Decide(c))).ToList();
        var held = ScreeningSet.TuningLegitimate.Where(c => ReferenceScreening.Held(ReferenceScreening.Decide(c))).ToList();
        missed.ForEach(c => output.WriteLine($"missed [{c.Family} {c.Cluster}] {c.Title}"));
        held.ForEach(c => output.WriteLine($"held   [{c.Cluster}] {c.Title}: {string.Join(", ", ReferenceScreening.Decide(c).Reasons.SelectMany(r => r.MatchedTerms))}"));

        missed.Should().BeEmpty();
        ((double)held.Count / ScreeningSet.TuningLegitimate.Count).Should().BeLessThanOrEqualTo(HeldTarget);
    }
}

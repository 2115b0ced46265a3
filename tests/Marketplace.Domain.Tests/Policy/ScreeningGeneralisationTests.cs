using System.Globalization;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Tests.Policy.ScreeningSets;
using Marketplace.Web.Data.Seed;
using Xunit.Abstractions;

namespace Marketplace.Domain.Tests.Policy;

/// <summary>
/// The keyword screening measured where it was not tuned: on trick families kept apart from the tuning families (phonetic
/// spellings, fused words, English names, goods named by origin or motif) and on legitimate open-cluster listings never used
/// to tune it. The shipped lexicon and the policy are the real ones.
/// </summary>
/// <remarks>
/// Two kinds of held-out family. <see cref="WrittenBlind"/> were written by an earlier session, and the lexicon's English,
/// motif and regional names were written from general knowledge of the closed clusters without reading them (three rows of
/// each excepted); they are the measure of generalisation. The other four were written in the session that widened the
/// lexicon, before it did, by the same hand: most of their disguises are now lexicon terms, so their figures say little
/// about unseen text and are kept as a regression guard only. Since the screen3 session all of <c>heldout/</c> is tuned on
/// as well (its misses and false positives were read while terms were added), so it is a regression guard only; the measure
/// of generalisation is <c>fresh/</c>, written by another hand without reading the lexicon, of which only counts are printed.
/// </remarks>
public sealed class ScreeningGeneralisationTests(ITestOutputHelper output)
{
    /// <summary>The share of legitimate open-cluster listings the screening may hold (issue 22's target).</summary>
    private const double HeldTarget = 0.01;

    /// <summary>The share of a held-out family the screening must catch (issue 22's target).</summary>
    private const double CaughtTarget = 0.97;

    private static readonly HashSet<string> WrittenBlind = new(StringComparer.Ordinal) { "descriptive", "english", "fused", "phonetic" };

    /// <summary>
    /// Families below the 97 % target, held at what they measured on 2026-12-07 so a regression fails: keywords know only the
    /// names they list, and goods named by their origin ("Gayo", "Toraja"), a variety or a regional word stay unknown until
    /// someone lists them. Every other held-out family must reach the target.
    /// </summary>
    private static readonly Dictionary<string, double> BelowTarget = new(StringComparer.Ordinal)
    {
        ["descriptive"] = 0.66,
        ["english"] = 0.76,
        ["phonetic"] = 0.92,
        ["english-goods"] = 0.95,
    };

    /// <summary>
    /// The fresh families, held at what they measured on 2026-12-07 after the screen3 session's changes (before them:
    /// english-trade-names 41/58, fused-and-split 36/54, misspelt-sound 41/57, regional-varieties 22/60). All are below the
    /// 97 % target.
    /// </summary>
    private static readonly Dictionary<string, double> FreshFloors = new(StringComparer.Ordinal)
    {
        ["english-trade-names"] = 0.77,
        ["fused-and-split"] = 0.66,
        ["misspelt-sound"] = 0.73,
        ["regional-varieties"] = 0.66,
    };

    /// <summary>The share of the fresh legitimate listings held on 2026-12-07 (32 of 523), above the 1 % target.</summary>
    private const double FreshHeldCeiling = 0.062;

    [Fact]
    public void The_held_out_sets_are_apart_from_the_tuning_sets_and_large_enough()
    {
        ScreeningSet.HeldOutLegitimate.Should().HaveCountGreaterThanOrEqualTo(500);
        ScreeningSet.HeldOutDisguised.Select(c => c.Family).Distinct().Should().HaveCountGreaterThanOrEqualTo(4).And.Contain(WrittenBlind);
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
    public void Every_held_out_disguise_is_a_word_of_its_title()
    {
        ScreeningSet.HeldOutDisguised.Where(c => !c.Title.Contains(c.Trick, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Title).Should().BeEmpty("the disguise column names the written word of the title");
    }

    [Fact]
    public void The_lexicon_catches_the_held_out_families_and_holds_at_most_one_in_a_hundred_legitimate_listings()
    {
        var missed = ScreeningSet.HeldOutDisguised.Where(c => !ReferenceScreening.Caught(c, ReferenceScreening.Decide(c))).ToHashSet();
        var held = ScreeningSet.HeldOutLegitimate.Where(c => ReferenceScreening.Held(ReferenceScreening.Decide(c))).ToList();
        var families = ScreeningSet.HeldOutDisguised.GroupBy(c => c.Family).ToList();
        foreach (var family in families)
        {
            var caught = family.Count(c => !missed.Contains(c));
            var byDisguise = family.Count(ReferenceScreening.CaughtByDisguise);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{family.Key,-18} {caught,3}/{family.Count(),3} caught, {byDisguise,3} by the disguise itself {(WrittenBlind.Contains(family.Key) ? "(written blind)" : string.Empty)}"));
        }

        held.ForEach(c => output.WriteLine($"held   [{c.Cluster}] {c.Title}: {string.Join(", ", ReferenceScreening.Decide(c).Reasons.SelectMany(r => r.MatchedTerms))}"));

        foreach (var family in families)
        {
            var share = (double)family.Count(c => !missed.Contains(c)) / family.Count();
            share.Should().BeGreaterThanOrEqualTo(BelowTarget.GetValueOrDefault(family.Key, CaughtTarget), "the held-out family {0}", family.Key);
        }

        ((double)held.Count / ScreeningSet.HeldOutLegitimate.Count).Should().BeLessThanOrEqualTo(HeldTarget);
    }

    /// <summary>
    /// The fresh families (<c>ScreeningSets/fresh/</c>), written by another hand without reading the lexicon and never read to
    /// tune it: only their counts are printed, never their titles, so that nobody tunes on them by reading a failure.
    /// </summary>
    [Fact]
    public void The_fresh_families_written_blind_are_caught_and_their_legitimate_listings_pass_at_least_as_measured()
    {
        var families = ScreeningSet.FreshDisguised.GroupBy(c => c.Family).ToList();
        foreach (var family in families)
        {
            var caught = family.Count(c => ReferenceScreening.Caught(c, ReferenceScreening.Decide(c)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{family.Key,-22} {caught,3}/{family.Count(),3} caught ({100.0 * caught / family.Count():0.0} %)"));
        }

        var held = ScreeningSet.FreshLegitimate.Count(c => ReferenceScreening.Held(ReferenceScreening.Decide(c)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"legitimate {held}/{ScreeningSet.FreshLegitimate.Count} held ({100.0 * held / ScreeningSet.FreshLegitimate.Count:0.0} %)"));

        families.Select(f => f.Key).Should().BeEquivalentTo(FreshFloors.Keys);
        foreach (var family in families)
        {
            ((double)family.Count(c => ReferenceScreening.Caught(c, ReferenceScreening.Decide(c))) / family.Count())
                .Should().BeGreaterThanOrEqualTo(FreshFloors[family.Key], "the fresh family {0}", family.Key);
        }

        ScreeningSet.FreshLegitimate.Should().HaveCountGreaterThanOrEqualTo(500);
        ((double)held / ScreeningSet.FreshLegitimate.Count).Should().BeLessThanOrEqualTo(FreshHeldCeiling);
    }

    [Fact]
    public void The_reference_catalogs_own_goods_read_as_their_own_cluster()
    {
        var misread = new List<string>();
        foreach (var category in ReferenceCatalog.Categories.Where(c => c.ClusterCode is not null))
        {
            foreach (var text in category.ProductNouns.Append(category.NameId).Append(category.NameEn))
            {
                var named = ReferenceScreening.Policy.Lexicons.Where(l => l.Matches(text).Count > 0).Select(l => l.Cluster.Code).ToList();
                var closed = ReferenceCatalog.Clusters.Single(c => c.Code == category.ClusterCode).BlockedForCrossBorder;
                if (named.Any(code => code != category.ClusterCode) || (!closed && named.Count > 0))
                {
                    misread.Add($"{category.Slug}: \"{text}\" reads as {string.Join(", ", named)}");
                }
            }
        }

        misread.ForEach(output.WriteLine);
        misread.Should().BeEmpty("an open category's own goods go live, and a closed one's read as their own cluster only");
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

using Marketplace.Domain.Policy;
using Marketplace.Domain.Tests.Policy.ScreeningSets;
using Marketplace.Web.Features.Screening;

namespace Marketplace.Web.Tests.Policy.ScreeningSets;

/// <summary>How many listings of one trick family (or of a legitimate set) the lexicon alone, the text model alone and both flag.</summary>
public sealed record ScreeningFigures(string Family, bool HeldOut, int Listings, int Lexicon, int Model, int Both);

/// <summary>
/// The screening sets decided three ways with the reference policy: the lexicons alone (no model trained), the text model
/// alone (no lexicon terms), and both, as the site decides once a model is in force. Shared by the tests and the benchmark.
/// </summary>
public static class ScreeningMeasure
{
    private static readonly PolicyInForce ModelOnly = ReferenceScreening.Policy with { Lexicons = [] };

    /// <summary>Disguised listings caught, per family, tuning families first.</summary>
    public static IReadOnlyList<ScreeningFigures> Disguised(TextModel model) =>
        [.. ScreeningSet.TuningDisguised.Concat(ScreeningSet.HeldOutDisguised)
            .GroupBy(c => (c.Family, c.HeldOut))
            .Select(g => Figures(g.Key.Family, g.Key.HeldOut, g, model, ReferenceScreening.Caught))];

    /// <summary>Legitimate listings held, for the tuning set and the held-out set.</summary>
    public static IReadOnlyList<ScreeningFigures> Legitimate(TextModel model) =>
    [
        Figures(ScreeningSet.Tuning, false, ScreeningSet.TuningLegitimate, model, (_, v) => ReferenceScreening.Held(v)),
        Figures(ScreeningSet.HeldOut, true, ScreeningSet.HeldOutLegitimate, model, (_, v) => ReferenceScreening.Held(v)),
    ];

    /// <summary>The listings of a family the model flags and the lexicon does not: what the model adds.</summary>
    public static IReadOnlyList<ScreeningCase> AddedByModel(IEnumerable<ScreeningCase> cases, TextModel model) =>
        [.. cases.Where(c => !ReferenceScreening.Caught(c, ReferenceScreening.Decide(c)) && ReferenceScreening.Caught(c, Decide(c, model, ReferenceScreening.Policy)))];

    private static ScreeningFigures Figures(string family, bool heldOut, IEnumerable<ScreeningCase> cases, TextModel model, Func<ScreeningCase, PolicyVerdict, bool> flagged)
    {
        var list = cases.ToList();
        return new ScreeningFigures(
            family,
            heldOut,
            list.Count,
            list.Count(c => flagged(c, ReferenceScreening.Decide(c))),
            list.Count(c => flagged(c, Decide(c, model, ModelOnly))),
            list.Count(c => flagged(c, Decide(c, model, ReferenceScreening.Policy))));
    }

    private static PolicyVerdict Decide(ScreeningCase listing, TextModel model, PolicyInForce policy)
    {
        var subject = ReferenceScreening.Subject(listing);
        subject = subject with { Predicted = model.Classify(listing.Title, listing.Description, subject.Cluster, ReferenceScreening.Clusters) };
        return ListingPolicy.Decide(subject, policy, ReferenceScreening.Instant);
    }
}

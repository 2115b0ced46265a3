using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;

namespace Marketplace.Domain.Tests.Policy.ScreeningSets;

/// <summary>
/// The screening as an installation ships it: the reference catalog's clusters and lexicons, the three protected clusters
/// closed, every listing a cross-border one. A disguised listing is filed in an open category (electronics) and is caught
/// when it waits for review naming its own cluster; a legitimate one is filed in its own open cluster and must go live.
/// </summary>
public static class ReferenceScreening
{
    public static readonly DateTimeOffset Instant = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static IReadOnlyDictionary<string, ClusterRef> Clusters { get; } = ReferenceCatalog.Clusters
        .Select((c, i) => new ClusterRef(i + 1, c.Code, c.NameId, c.NameEn))
        .ToDictionary(c => c.Code);

    public static PolicyInForce Policy { get; } = new(
        1,
        [.. ReferenceCatalog.Clusters.Where(c => c.BlockedForCrossBorder).Select(c => new ClusterBlockWindow(Clusters[c.Code].Id, Instant.AddYears(-1), null))],
        [.. ReferenceCatalog.Lexicons.Select(l => new ClusterLexicon(Clusters[l.ClusterCode], l.Terms))],
        CrossBorderMinimumPrice.Off);

    /// <summary>The cross-border listing the policy decides: a disguised case in electronics, a legitimate one in its own cluster.</summary>
    public static PolicySubject Subject(ScreeningCase listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var filedIn = listing.Trick == "none" ? listing.Cluster : ReferenceCatalog.Electronics;
        return new PolicySubject(
            listing.Title,
            listing.Description,
            new Rupiah(2_000_000),
            ProductOrigin.Imported,
            SellerOrigin.CrossBorder,
            SellerStatus.Active,
            Clusters[filedIn],
            [],
            false);
    }

    public static PolicyVerdict Decide(ScreeningCase listing) =>
        ListingPolicy.Decide(Subject(listing), Policy, Instant);

    /// <summary>A disguised listing is caught when it waits for review naming the cluster its goods belong to.</summary>
    public static bool Caught(ScreeningCase listing, PolicyVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Reasons.Any(r => r.Code == ReasonCodes.SuspectedMisclassification && r.ClusterCode == listing.Cluster);
    }

    /// <summary>
    /// A held-out disguised listing is caught by its disguise when it is caught and would not be without the disguise: words
    /// the lexicon has learnt since the row was written ("rayon" beside a motif name) do not count for the disguise.
    /// </summary>
    public static bool CaughtByDisguise(ScreeningCase listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var rest = listing with { Title = listing.Title.Replace(listing.Trick, " ", StringComparison.OrdinalIgnoreCase) };
        return Caught(listing, Decide(listing)) && !Caught(rest, Decide(rest));
    }

    /// <summary>A legitimate listing is held when it does not go live.</summary>
    public static bool Held(PolicyVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Outcome != PolicyOutcome.Allowed;
    }
}

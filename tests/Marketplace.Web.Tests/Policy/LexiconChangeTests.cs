using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Policy;

public sealed class LexiconChangeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task A_new_lexicon_term_sends_matching_live_cross_border_listings_to_review_and_leaves_local_ones_alone()
    {
        var textile = await _scenario.ClusterIdAsync(ClusterCodes.Textile);
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "TH");
        var local = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var flagged = await _scenario.CreatePublishedAsync(foreign, PolicyScenario.PhoneCases, "Casing HP Motif Tritik Klasik", ProductOrigin.Imported);
        var localLurik = await _scenario.CreatePublishedAsync(local, PolicyScenario.PhoneCases, "Casing HP Tritik Jogja");
        var untouched = await _scenario.CreatePublishedAsync(foreign, PolicyScenario.PhoneCases, "Casing HP Polos Hitam", ProductOrigin.Imported);
        var terms = await _scenario.WithDbAsync(db => db.LexiconTerms.Where(t => t.ClusterId == textile).Select(t => t.Term).ToListAsync());

        var effect = await _scenario.RulesAsync(r => r.ReplaceLexiconAsync(textile, [.. terms, "tritik"], "admin"));

        effect.SentToReview.Should().Be(1);
        (await _scenario.ListingAsync(flagged)).State.Should().Be(ListingState.PendingReview);
        (await _scenario.DecisionsAsync(flagged)).Last().Should().Match<PolicyDecision>(d =>
            d.Trigger == DecisionTrigger.RulesChanged && d.ReasonCodes.Contains(ReasonCodes.SuspectedMisclassification));
        (await _scenario.ListingAsync(localLurik)).State.Should().Be(ListingState.Published);
        (await _scenario.ListingAsync(untouched)).State.Should().Be(ListingState.Published);
        (await _scenario.WithDbAsync(db => db.LexiconTerms.CountAsync(t => t.ClusterId == textile))).Should().Be(terms.Count + 1);
    }
}

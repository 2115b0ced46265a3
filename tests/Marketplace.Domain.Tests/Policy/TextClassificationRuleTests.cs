using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;

namespace Marketplace.Domain.Tests.Policy;

public class TextClassificationRuleTests
{
    private static PolicySubject Read(ClusterRef category, ClusterRef readAs, double confidence) =>
        PolicyFixtures.Subject(category, title: "Selembar halus pewarna alam") with
        {
            Predicted = new TextClassification(readAs, confidence, ["halus", "pewarna"], 7),
        };

    private static PolicyVerdict Decide(PolicySubject subject, decimal threshold = 0.8m) =>
        ListingPolicy.Decide(
            subject,
            PolicyFixtures.Policy([PolicyFixtures.BlockedNow(PolicyFixtures.Textile)]) with { ClassifierThreshold = threshold },
            PolicyFixtures.Instant);

    [Fact]
    public void Text_the_model_reads_as_a_closed_cluster_above_the_threshold_waits_for_review_naming_the_words_in_both_languages()
    {
        var verdict = Decide(Read(PolicyFixtures.Electronics, PolicyFixtures.Textile, 0.91));

        verdict.Outcome.Should().Be(PolicyOutcome.NeedsReview);
        var reason = verdict.Reasons.Should().ContainSingle().Subject;
        reason.Code.Should().Be(ReasonCodes.SuspectedMisclassification);
        reason.ClusterCode.Should().Be("TEXTILE");
        reason.MatchedTerms.Should().Equal("halus", "pewarna");
        reason.MessageId.Should().Contain("Model teks versi 7").And.Contain("Tekstil & Fesyen").And.Contain("91%").And.Contain("halus, pewarna");
        reason.MessageEn.Should().Contain("Text model version 7").And.Contain("Textiles & Fashion").And.Contain("91%").And.Contain("halus, pewarna");
    }

    [Theory]
    [InlineData(0.79, 0.8)]
    [InlineData(0.94, 0.95)]
    public void A_reading_below_the_threshold_lets_the_listing_go_live(double confidence, double threshold) =>
        Decide(Read(PolicyFixtures.Electronics, PolicyFixtures.Textile, confidence), (decimal)threshold).Outcome.Should().Be(PolicyOutcome.Allowed);

    [Fact]
    public void A_reading_as_an_open_cluster_lets_the_listing_go_live() =>
        Decide(Read(PolicyFixtures.Electronics, PolicyFixtures.Food, 0.99)).Outcome.Should().Be(PolicyOutcome.Allowed);

    [Fact]
    public void A_local_sellers_local_product_and_a_cleared_listing_are_not_read_against_them()
    {
        var local = Read(PolicyFixtures.Electronics, PolicyFixtures.Textile, 0.99) with
        {
            SellerOrigin = SellerOrigin.Local,
            ProductOrigin = ProductOrigin.Local,
        };
        var cleared = Read(PolicyFixtures.Electronics, PolicyFixtures.Textile, 0.99) with { MisclassificationCleared = true };

        Decide(local).Outcome.Should().Be(PolicyOutcome.Allowed);
        Decide(cleared).Outcome.Should().Be(PolicyOutcome.Allowed);
    }

    [Fact]
    public void When_the_lexicon_already_names_the_cluster_the_model_adds_no_second_reason()
    {
        var subject = PolicyFixtures.Subject(PolicyFixtures.Electronics, title: "Kemeja batik pria") with
        {
            Predicted = new TextClassification(PolicyFixtures.Textile, 0.99, ["batik"], 7),
        };

        Decide(subject).Reasons.Should().ContainSingle().Which.MatchedTerms.Should().Equal("batik");
    }
}

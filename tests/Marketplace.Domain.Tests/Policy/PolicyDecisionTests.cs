using Marketplace.Domain.Policy;

namespace Marketplace.Domain.Tests.Policy;

public class PolicyDecisionTests
{
    private static readonly DateTimeOffset DecidedAtValue = new(2026, 4, 2, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Recorded_decision_keeps_outcome_reasons_version_trigger_actor_and_time()
    {
        var subject = PolicyFixtures.Subject(PolicyFixtures.Textile, title: "Kemeja batik");
        var policy = PolicyFixtures.Policy([PolicyFixtures.BlockedNow(PolicyFixtures.Textile)]);
        var verdict = ListingPolicy.Decide(subject, policy, PolicyFixtures.Instant);

        var decision = new PolicyDecision(55, 3, PolicyFixtures.Textile.Id, verdict, DecisionTrigger.ClusterBlocked, "system", DecidedAtValue);

        decision.Outcome.Should().Be(PolicyOutcome.Blocked);
        decision.ReasonCodes.Should().Equal("CLUSTER_BLOCKED");
        decision.PolicyVersion.Should().Be(42);
        decision.MessageEn.Should().Contain("Textiles & Fashion");
        decision.MessageId.Should().Contain("Tekstil & Fesyen");
        decision.Message(indonesian: true).Should().Be(decision.MessageId);
        decision.Trigger.Should().Be(DecisionTrigger.ClusterBlocked);
        decision.Actor.Should().Be("system");
        decision.DecidedAt.Should().Be(DecidedAtValue);
        decision.ListingId.Should().Be(55);
        decision.ClusterId.Should().Be(1);
    }

    [Fact]
    public void Recorded_allowance_has_no_reasons_and_no_detail()
    {
        var verdict = ListingPolicy.Decide(PolicyFixtures.Subject(PolicyFixtures.Electronics), PolicyFixtures.Policy(), PolicyFixtures.Instant);

        var decision = new PolicyDecision(55, 3, PolicyFixtures.Electronics.Id, verdict, DecisionTrigger.SellerPublish, "seller-3", DecidedAtValue);

        decision.Outcome.Should().Be(PolicyOutcome.Allowed);
        decision.ReasonCodes.Should().BeEmpty();
        decision.MessageId.Should().BeNull();
        decision.MessageEn.Should().BeNull();
    }
}

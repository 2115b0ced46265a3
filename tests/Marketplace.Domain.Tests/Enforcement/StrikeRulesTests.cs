using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Policy;

namespace Marketplace.Domain.Tests.Enforcement;

public class StrikeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);

    private static readonly PolicyVerdict ClosedCluster = new(
        PolicyOutcome.Blocked, [new PolicyReason(ReasonCodes.ClusterBlocked, "TEXTILE", "Klaster ditutup.", "The cluster is closed.")], 7);

    [Theory]
    [InlineData(DecisionTrigger.SellerPublish, true)]
    [InlineData(DecisionTrigger.SellerEdit, true)]
    [InlineData(DecisionTrigger.CsvImport, true)]
    [InlineData(DecisionTrigger.SellerApi, true)]
    [InlineData(DecisionTrigger.ClusterBlocked, false)]
    [InlineData(DecisionTrigger.ScheduledBlock, false)]
    [InlineData(DecisionTrigger.CategoryMoved, false)]
    [InlineData(DecisionTrigger.AdminApproval, false)]
    public void Only_a_sellers_own_attempt_into_a_closed_cluster_earns_a_strike_never_a_sweep(DecisionTrigger trigger, bool earns) =>
        StrikeRules.Earns(trigger, ClosedCluster).Should().Be(earns);

    [Fact]
    public void Other_blocks_and_holds_earn_no_strike()
    {
        var belowMinimum = new PolicyVerdict(PolicyOutcome.Blocked, [new PolicyReason(ReasonCodes.BelowCrossBorderMinimum, null, "Di bawah minimum.", "Below the minimum.")], 7);
        var held = new PolicyVerdict(PolicyOutcome.NeedsReview, [new PolicyReason(ReasonCodes.SuspectedMisclassification, "TEXTILE", "Ditinjau.", "Held.")], 7);

        StrikeRules.Earns(DecisionTrigger.SellerPublish, belowMinimum).Should().BeFalse();
        StrikeRules.Earns(DecisionTrigger.SellerPublish, held).Should().BeFalse();
        StrikeRules.RejectionEarns([ReasonCodes.SuspectedMisclassification]).Should().BeTrue();
        StrikeRules.RejectionEarns([ReasonCodes.UnverifiedLocalOrigin]).Should().BeFalse();
    }

    [Fact]
    public void A_strike_counts_until_it_expires_or_is_voided_with_a_reason()
    {
        var strike = new Strike(4, 10, 1, StrikeSource.BlockedAttempt, ReasonCodes.ClusterBlocked, Now, TimeSpan.FromDays(90));

        strike.IsActiveAt(Now.AddDays(89)).Should().BeTrue();
        strike.IsActiveAt(Now.AddDays(90)).Should().BeFalse();
        FluentActions.Invoking(() => strike.Void(" ", "admin", Now)).Should().Throw<DomainException>().Which.Code.Should().Be("strike.void_reason_required");

        strike.Void("Banding dikabulkan.", "admin", Now.AddDays(1));

        strike.IsActiveAt(Now.AddDays(2)).Should().BeFalse();
        FluentActions.Invoking(() => strike.Void("lagi", "admin", Now)).Should().Throw<DomainException>().Which.Code.Should().Be("strike.voided");
    }

    [Fact]
    public void The_shop_is_suspended_at_the_set_number_of_active_strikes()
    {
        var rules = StrikeRules.Default;

        rules.Suspends(4).Should().BeFalse();
        rules.Suspends(5).Should().BeTrue();
    }
}

using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;

namespace Marketplace.Domain.Tests.Policy;

public enum ClusterCase
{
    Textile,
    Food,
    Craft,
    Electronics,
}

public enum OriginCase
{
    LocalSellerLocalProduct,
    CrossBorderSeller,
    LocalSellerImportedProduct,
}

public enum RuleState
{
    Open,
    BlockedSinceBefore,
    BlockScheduledAfter,
    BlockLiftedBefore,
}

public enum PriceRule
{
    Off,
    OnBelowThreshold,
    OnAboveThreshold,
    OnBelowThresholdExemptChapter,
}

/// <summary>
/// Every combination of cluster, origin, block state, price floor and seller status, each decided by the policy
/// and compared with an expectation written from the rules in DOMAIN.md.
/// </summary>
public class ListingPolicyTableTests
{
    /// <summary>USD 100 at Rp 15.500 per dollar.</summary>
    private const long Threshold = 1_550_000;
    private const string ThresholdText = "Rp 1.550.000";
    private const int BookChapter = 49;

    private static readonly CrossBorderMinimumPrice FloorOn =
        new(true, 100_00, 15_500m, new DateOnly(2026, 5, 1), new HashSet<int> { 37, BookChapter });

    private static readonly ClusterRef[] BlockableClusters = [PolicyFixtures.Textile, PolicyFixtures.Food, PolicyFixtures.Craft];

    public static TheoryData<ClusterCase, OriginCase, RuleState, PriceRule, SellerStatus> Rows()
    {
        var data = new TheoryData<ClusterCase, OriginCase, RuleState, PriceRule, SellerStatus>();
        foreach (var cluster in Enum.GetValues<ClusterCase>())
        {
            foreach (var origin in Enum.GetValues<OriginCase>())
            {
                foreach (var rule in Enum.GetValues<RuleState>())
                {
                    foreach (var price in Enum.GetValues<PriceRule>())
                    {
                        foreach (var status in Enum.GetValues<SellerStatus>())
                        {
                            data.Add(cluster, origin, rule, price, status);
                        }
                    }
                }
            }
        }

        return data;
    }

    [Fact]
    public void Table_has_a_row_for_every_combination()
    {
        var rows = Rows().Select(r => string.Join("/", r)).ToList();

        rows.Should().HaveCount(4 * 3 * 4 * 4 * Enum.GetValues<SellerStatus>().Length).And.OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decision_matches_the_rules(ClusterCase cluster, OriginCase origin, RuleState rule, PriceRule price, SellerStatus status)
    {
        var (subject, policy) = Arrange(cluster, origin, rule, price, status);
        var (outcome, reasons) = Expect(cluster, origin, rule, price, status);

        var verdict = ListingPolicy.Decide(subject, policy, PolicyFixtures.Instant);

        verdict.Outcome.Should().Be(outcome);
        verdict.IsAllowed.Should().Be(outcome == PolicyOutcome.Allowed);
        verdict.Reasons.Select(r => (r.Code, r.ClusterCode)).Should().BeEquivalentTo(reasons);
        verdict.ReasonCodes.Should().BeEquivalentTo(reasons.Select(r => r.Code));
        verdict.PolicyVersion.Should().Be(PolicyFixtures.Version);
        foreach (var reason in verdict.Reasons)
        {
            reason.MessageId.Should().NotBeNullOrWhiteSpace();
            reason.MessageEn.Should().NotBeNullOrWhiteSpace();
            reason.MessageId.Should().NotBe(reason.MessageEn);
            reason.Message(indonesian: true).Should().Be(reason.MessageId);
            reason.Message(indonesian: false).Should().Be(reason.MessageEn);
            if (reason.Code == "CLUSTER_BLOCKED")
            {
                reason.MessageId.Should().Contain(subject.Cluster.NameId);
                reason.MessageEn.Should().Contain(subject.Cluster.NameEn);
            }

            if (reason.Code == "BELOW_CROSS_BORDER_MINIMUM")
            {
                reason.MessageId.Should().Contain(ThresholdText);
                reason.MessageEn.Should().Contain(ThresholdText);
            }
        }
    }

    [Theory]
    [InlineData(SellerOrigin.Local, ProductOrigin.Local)]
    [InlineData(SellerOrigin.Local, ProductOrigin.Imported)]
    [InlineData(SellerOrigin.CrossBorder, ProductOrigin.Local)]
    [InlineData(SellerOrigin.CrossBorder, ProductOrigin.Imported)]
    public void Suspended_seller_is_blocked_whatever_the_origin(SellerOrigin seller, ProductOrigin product)
    {
        var subject = PolicyFixtures.Subject(PolicyFixtures.Electronics, seller: seller, product: product, status: SellerStatus.Suspended);

        var verdict = ListingPolicy.Decide(subject, PolicyFixtures.Policy(), PolicyFixtures.Instant);

        verdict.Outcome.Should().Be(PolicyOutcome.Blocked);
        verdict.Reasons.Should().ContainSingle().Which.Should().Match<PolicyReason>(r => r.Code == "SELLER_SUSPENDED" && r.ClusterCode == null);
    }

    [Fact]
    public void Local_sellers_local_product_is_untouched_by_every_import_rule_at_once()
    {
        var policy = PolicyFixtures.Policy([.. BlockableClusters.Select(PolicyFixtures.BlockedNow)], FloorOn);
        var subjects = new[] { PolicyFixtures.Textile, PolicyFixtures.Food, PolicyFixtures.Craft, PolicyFixtures.Electronics }
            .Select(c => PolicyFixtures.Subject(
                c,
                title: "Kemeja batik, kopi luwak dan anyaman rattan",
                description: "Keripik sambal, teh, songket, gerabah.",
                price: 1,
                seller: SellerOrigin.Local,
                product: ProductOrigin.Local));

        foreach (var subject in subjects)
        {
            var verdict = ListingPolicy.Decide(subject, policy, PolicyFixtures.Instant);

            verdict.Outcome.Should().Be(PolicyOutcome.Allowed, "a local product in {0} is local", subject.Cluster.Code);
            verdict.Reasons.Should().BeEmpty();
        }
    }

    [Fact]
    public void Scheduled_block_does_not_act_before_its_start_and_acts_from_it_by_itself()
    {
        var start = PolicyFixtures.Instant.AddDays(1);
        var policy = PolicyFixtures.Policy([PolicyFixtures.BlockedSince(PolicyFixtures.Textile, start)]);
        var subject = PolicyFixtures.Subject(PolicyFixtures.Textile, title: "Kemeja batik");

        ListingPolicy.Decide(subject, policy, start.AddTicks(-1)).Outcome.Should().Be(PolicyOutcome.Allowed);
        ListingPolicy.Decide(subject, policy, start).Outcome.Should().Be(PolicyOutcome.Blocked);
        ListingPolicy.Decide(subject, policy, start.AddYears(1)).ReasonCodes.Should().Equal("CLUSTER_BLOCKED");
    }

    [Fact]
    public void Lifted_block_acts_until_the_instant_it_is_lifted_and_not_at_it()
    {
        var lifted = PolicyFixtures.Instant;
        var policy = PolicyFixtures.Policy([PolicyFixtures.BlockedSince(PolicyFixtures.Food, lifted.AddDays(-3), lifted)]);
        var subject = PolicyFixtures.Subject(PolicyFixtures.Food, title: "Kopi bubuk");

        ListingPolicy.Decide(subject, policy, lifted.AddTicks(-1)).Outcome.Should().Be(PolicyOutcome.Blocked);
        ListingPolicy.Decide(subject, policy, lifted).Outcome.Should().Be(PolicyOutcome.Allowed);
    }

    [Fact]
    public void Block_of_one_cluster_leaves_the_others_open()
    {
        var policy = PolicyFixtures.Policy([PolicyFixtures.BlockedNow(PolicyFixtures.Craft)]);

        ListingPolicy.Decide(PolicyFixtures.Subject(PolicyFixtures.Craft, title: "Tas"), policy, PolicyFixtures.Instant)
            .Outcome.Should().Be(PolicyOutcome.Blocked);
        ListingPolicy.Decide(PolicyFixtures.Subject(PolicyFixtures.Textile, title: "Tas"), policy, PolicyFixtures.Instant)
            .Outcome.Should().Be(PolicyOutcome.Allowed);
    }

    [Theory]
    [InlineData(Threshold, PolicyOutcome.Allowed)]
    [InlineData(Threshold - 1, PolicyOutcome.Blocked)]
    public void Price_exactly_at_the_minimum_is_allowed_and_one_rupiah_under_is_blocked(long price, PolicyOutcome expected)
    {
        var subject = PolicyFixtures.Subject(PolicyFixtures.Electronics, price: price);

        ListingPolicy.Decide(subject, PolicyFixtures.Policy(minimum: FloorOn), PolicyFixtures.Instant).Outcome.Should().Be(expected);
    }

    [Fact]
    public void Minimum_price_is_the_dollar_amount_at_the_dated_rate_rounded_up_to_a_whole_rupiah()
    {
        var floor = FloorOn with { UsdCents = 99_99, IdrPerUsd = 15_555m };

        floor.Threshold.Should().Be(new Rupiah(1_555_345));
        FloorOn.Threshold.Should().Be(new Rupiah(Threshold));
        CrossBorderMinimumPrice.Off.Enabled.Should().BeFalse();
    }

    [Fact]
    public void Minimum_price_message_reads_the_same_whatever_the_server_culture()
    {
        var floor = FloorOn with { UsdCents = 99_50 };
        var subject = PolicyFixtures.Subject(PolicyFixtures.Electronics, price: 1_000);
        var policy = PolicyFixtures.Policy(minimum: floor);

        string[] cultures = ["en-US", "id-ID", "th-TH", "ar-SA"];

        var messages = cultures
            .Select(culture => Cultures.Run(culture, () => ListingPolicy.Decide(subject, policy, PolicyFixtures.Instant).Reasons.Single()))
            .Select(r => (r.MessageId, r.MessageEn))
            .Distinct()
            .ToList();

        messages.Should().ContainSingle();
        messages[0].MessageEn.Should().Contain("USD 99.5").And.Contain("2026-05-01").And.Contain("Rp 1.542.250");
        messages[0].MessageId.Should().Contain("2026-05-01").And.Contain("Rp 1.542.250");
    }

    /// <summary>
    /// The rules of DOMAIN.md, written out for one row. Only cross-border listings meet the import rules;
    /// a suspended seller is blocked whatever the origin. The rows' titles name only their own cluster's goods,
    /// so the keyword review never fires here (see <see cref="LexiconTests"/>).
    /// </summary>
    private static (PolicyOutcome Outcome, List<(string Code, string? ClusterCode)> Reasons) Expect(
        ClusterCase cluster, OriginCase origin, RuleState rule, PriceRule price, SellerStatus status)
    {
        var code = Cluster(cluster).Code;
        var reasons = new List<(string Code, string? ClusterCode)>();
        if (status != SellerStatus.Active)
        {
            reasons.Add(("SELLER_SUSPENDED", null));
        }

        var crossBorder = origin != OriginCase.LocalSellerLocalProduct;
        var blockable = cluster != ClusterCase.Electronics;
        if (crossBorder && blockable && rule == RuleState.BlockedSinceBefore)
        {
            reasons.Add(("CLUSTER_BLOCKED", code));
        }

        if (crossBorder && price == PriceRule.OnBelowThreshold)
        {
            reasons.Add(("BELOW_CROSS_BORDER_MINIMUM", code));
        }

        return (reasons.Count == 0 ? PolicyOutcome.Allowed : PolicyOutcome.Blocked, reasons);
    }

    private static (PolicySubject Subject, PolicyInForce Policy) Arrange(
        ClusterCase cluster, OriginCase origin, RuleState rule, PriceRule price, SellerStatus status)
    {
        var instant = PolicyFixtures.Instant;
        IReadOnlyList<ClusterBlockWindow> blocks = rule switch
        {
            RuleState.Open => [],
            RuleState.BlockedSinceBefore => [.. BlockableClusters.Select(c => PolicyFixtures.BlockedSince(c, instant.AddDays(-10)))],
            RuleState.BlockScheduledAfter => [.. BlockableClusters.Select(c => PolicyFixtures.BlockedSince(c, instant.AddDays(1)))],
            RuleState.BlockLiftedBefore => [.. BlockableClusters.Select(c => PolicyFixtures.BlockedSince(c, instant.AddDays(-30), instant.AddHours(-1)))],
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
        var minimum = price == PriceRule.Off ? FloorOn with { Enabled = false } : FloorOn;
        var amount = price == PriceRule.OnAboveThreshold ? 2_000_000 : Threshold - 1;
        var (seller, product) = origin switch
        {
            OriginCase.LocalSellerLocalProduct => (SellerOrigin.Local, ProductOrigin.Local),
            OriginCase.LocalSellerImportedProduct => (SellerOrigin.Local, ProductOrigin.Imported),

            // A cross-border seller's listing is cross-border even when the product flag was left at its default.
            _ => (SellerOrigin.CrossBorder, ProductOrigin.Local),
        };
        var (chapters, title) = cluster switch
        {
            ClusterCase.Textile => (62, "Kemeja batik tulis lengan panjang"),
            ClusterCase.Food => (9, "Kopi bubuk robusta"),
            ClusterCase.Craft => (46, "Tas anyaman pandan"),
            _ => (85, "Kabel data USB-C"),
        };
        int[] hs = price == PriceRule.OnBelowThresholdExemptChapter ? [chapters, BookChapter] : [chapters];

        var subject = PolicyFixtures.Subject(
            Cluster(cluster), title: title, price: amount, seller: seller, product: product, status: status, hsChapters: hs);
        return (subject, PolicyFixtures.Policy(blocks, minimum));
    }

    private static ClusterRef Cluster(ClusterCase cluster) => cluster switch
    {
        ClusterCase.Textile => PolicyFixtures.Textile,
        ClusterCase.Food => PolicyFixtures.Food,
        ClusterCase.Craft => PolicyFixtures.Craft,
        _ => PolicyFixtures.Electronics,
    };
}

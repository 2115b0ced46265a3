using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using static Marketplace.Domain.Tests.Policy.PolicyFixtures;

namespace Marketplace.Domain.Tests.Policy;

/// <summary>Origin is evidence: a shop's word that it is local does not open a closed cluster to it.</summary>
public class UnverifiedOriginTests
{
    [Fact]
    public void An_unverified_local_shop_waits_for_review_in_a_closed_cluster_with_the_reason_naming_the_cluster()
    {
        var subject = Subject(Textile, "Kemeja Batik Tulis Pria", seller: SellerOrigin.Local, product: ProductOrigin.Local) with { LocalOriginUnverified = true };

        var verdict = ListingPolicy.Decide(subject, PolicyFixtures.Policy([BlockedNow(Textile)]), Instant);

        verdict.Outcome.Should().Be(PolicyOutcome.NeedsReview);
        verdict.ReasonCodes.Should().Equal(ReasonCodes.UnverifiedLocalOrigin);
        verdict.Reasons[0].ClusterCode.Should().Be("TEXTILE");
        verdict.Reasons[0].MessageId.Should().Contain("Tekstil & Fesyen").And.Contain("terverifikasi");
        verdict.Reasons[0].MessageEn.Should().Contain("Textiles & Fashion").And.Contain("verified");
    }

    [Fact]
    public void An_unverified_local_shop_goes_live_as_usual_in_an_open_cluster()
    {
        var subject = Subject(Electronics, "Kipas Angin Meja", seller: SellerOrigin.Local, product: ProductOrigin.Local) with { LocalOriginUnverified = true };

        ListingPolicy.Decide(subject, PolicyFixtures.Policy([BlockedNow(Textile)]), Instant).Outcome.Should().Be(PolicyOutcome.Allowed);
    }

    [Fact]
    public void A_verified_local_shop_sells_in_a_closed_cluster()
    {
        var subject = Subject(Textile, "Kemeja Batik Tulis Pria", seller: SellerOrigin.Local, product: ProductOrigin.Local);

        ListingPolicy.Decide(subject, PolicyFixtures.Policy([BlockedNow(Textile)]), Instant).Outcome.Should().Be(PolicyOutcome.Allowed);
    }

    [Fact]
    public void An_imported_product_of_an_unverified_local_shop_is_blocked_as_any_cross_border_listing()
    {
        var subject = Subject(Textile, "Kain Batik Impor", seller: SellerOrigin.Local, product: ProductOrigin.Imported) with { LocalOriginUnverified = true };

        ListingPolicy.Decide(subject, PolicyFixtures.Policy([BlockedNow(Textile)]), Instant).ReasonCodes.Should().Equal(ReasonCodes.ClusterBlocked);
    }
}

using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using static Marketplace.Domain.Tests.Policy.PolicyFixtures;

namespace Marketplace.Domain.Tests.Policy;

/// <summary>A photo re-used from a listing refused for a closed cluster holds a listing for review, whatever its text.</summary>
public class ReusedPhotoRuleTests
{
    private static readonly MatchedPhoto RefusedBatik = new(7, Textile);

    [Fact]
    public void A_cross_border_listing_with_an_innocent_text_and_a_photo_of_a_refused_batik_listing_waits_for_review()
    {
        var subject = Subject(Electronics, "Kabel data USB-C 1 meter") with { MatchedPhoto = RefusedBatik };

        var verdict = ListingPolicy.Decide(subject, PolicyFixtures.Policy([BlockedNow(Textile)]), Instant);

        verdict.Outcome.Should().Be(PolicyOutcome.NeedsReview);
        verdict.ReasonCodes.Should().Equal(ReasonCodes.PhotoMatchesBannedListing);
        verdict.Reasons[0].ClusterCode.Should().Be("TEXTILE");
        verdict.Reasons[0].MessageId.Should().Contain("#7").And.Contain("Tekstil & Fesyen");
        verdict.Reasons[0].MessageEn.Should().Contain("#7").And.Contain("Textiles & Fashion");
    }

    [Fact]
    public void An_unverified_local_shop_is_held_like_a_cross_border_one()
    {
        var subject = Subject(Electronics, seller: SellerOrigin.Local, product: ProductOrigin.Local) with { LocalOriginUnverified = true, MatchedPhoto = RefusedBatik };

        ListingPolicy.Decide(subject, PolicyFixtures.Policy([BlockedNow(Textile)]), Instant).ReasonCodes.Should().Equal(ReasonCodes.PhotoMatchesBannedListing);
    }

    [Fact]
    public void A_verified_local_shop_is_not_held_for_a_photo()
    {
        var subject = Subject(Electronics, seller: SellerOrigin.Local, product: ProductOrigin.Local) with { MatchedPhoto = RefusedBatik };

        ListingPolicy.Decide(subject, PolicyFixtures.Policy([BlockedNow(Textile)]), Instant).Outcome.Should().Be(PolicyOutcome.Allowed);
    }

    [Fact]
    public void The_photo_no_longer_holds_once_the_refused_listing_s_cluster_is_open_again()
    {
        var subject = Subject(Electronics) with { MatchedPhoto = RefusedBatik };

        ListingPolicy.Decide(subject, PolicyFixtures.Policy([BlockedSince(Textile, Instant.AddDays(-10), Instant.AddDays(-1))]), Instant)
            .Outcome.Should().Be(PolicyOutcome.Allowed);
    }

    [Fact]
    public void An_admin_s_approval_waives_the_photo_as_it_waives_the_keywords()
    {
        var subject = Subject(Electronics, cleared: true) with { MatchedPhoto = RefusedBatik };

        ListingPolicy.Decide(subject, PolicyFixtures.Policy([BlockedNow(Textile)]), Instant).Outcome.Should().Be(PolicyOutcome.Allowed);
    }

    [Fact]
    public void A_block_outranks_the_photo_hold()
    {
        var subject = Subject(Textile) with { MatchedPhoto = RefusedBatik };

        ListingPolicy.Decide(subject, PolicyFixtures.Policy([BlockedNow(Textile)]), Instant).ReasonCodes.Should().Equal(ReasonCodes.ClusterBlocked);
    }
}

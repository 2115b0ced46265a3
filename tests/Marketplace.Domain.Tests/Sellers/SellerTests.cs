using Marketplace.Domain.Sellers;

namespace Marketplace.Domain.Tests.Sellers;

public class SellerTests
{
    private static readonly DateTimeOffset Opened = new(2026, 2, 1, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Local_seller_is_based_in_indonesia()
    {
        var seller = NewSeller(SellerOrigin.Local, " id ");

        seller.CountryCode.Should().Be("ID");
        seller.IsCrossBorder.Should().BeFalse();
    }

    [Fact]
    public void Cross_border_seller_is_based_abroad()
    {
        var seller = NewSeller(SellerOrigin.CrossBorder, "cn");

        seller.CountryCode.Should().Be("CN");
        seller.IsCrossBorder.Should().BeTrue();
    }

    [Theory]
    [InlineData(SellerOrigin.Local, "MY")]
    [InlineData(SellerOrigin.CrossBorder, "ID")]
    [InlineData(SellerOrigin.CrossBorder, "id")]
    public void Origin_that_contradicts_the_country_is_refused(SellerOrigin origin, string country)
    {
        var act = () => NewSeller(origin, country);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("seller.origin_country_mismatch");
    }

    [Theory]
    [InlineData("IDN")]
    [InlineData("I")]
    [InlineData("1D")]
    [InlineData("")]
    public void Country_that_is_not_two_letters_is_refused(string country)
    {
        var act = () => NewSeller(SellerOrigin.CrossBorder, country);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("country.invalid");
    }

    [Fact]
    public void Changing_origin_to_a_contradicting_country_leaves_the_seller_as_it_was()
    {
        var seller = NewSeller(SellerOrigin.Local, "ID");

        var act = () => seller.SetOrigin(SellerOrigin.Local, "SG");

        act.Should().Throw<DomainException>();
        seller.Origin.Should().Be(SellerOrigin.Local);
        seller.CountryCode.Should().Be("ID");
    }

    [Fact]
    public void Local_seller_can_become_cross_border_when_it_moves_abroad()
    {
        var seller = NewSeller(SellerOrigin.Local, "ID");

        seller.SetOrigin(SellerOrigin.CrossBorder, "SG");

        seller.IsCrossBorder.Should().BeTrue();
        seller.CountryCode.Should().Be("SG");
    }

    [Theory]
    [InlineData("9120001234567", "9120001234567")]
    [InlineData("9120-0012-34567", "9120001234567")]
    [InlineData(" 9120 0012 34567 ", "9120001234567")]
    public void Nib_of_thirteen_digits_is_kept_without_separators(string nib, string expected)
    {
        NewSeller(SellerOrigin.Local, "ID", nib).Nib.Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Missing_nib_is_allowed(string? nib)
    {
        NewSeller(SellerOrigin.Local, "ID", nib).Nib.Should().BeNull();
    }

    [Theory]
    [InlineData("912000123456")]
    [InlineData("91200012345678")]
    [InlineData("912000123456A")]
    [InlineData("９１２０００１２３４５６７")]
    public void Nib_that_is_not_thirteen_digits_is_refused(string nib)
    {
        var act = () => NewSeller(SellerOrigin.Local, "ID", nib);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("seller.nib_invalid");
        BusinessNumber.IsValid(nib).Should().BeFalse();
    }

    [Fact]
    public void Suspension_records_the_reason_and_time_and_reinstatement_clears_them()
    {
        var seller = NewSeller(SellerOrigin.CrossBorder, "CN");
        var at = Opened.AddDays(30);

        seller.Suspend("  Menjual barang palsu ", at);

        seller.Status.Should().Be(SellerStatus.Suspended);
        seller.SuspensionReason.Should().Be("Menjual barang palsu");
        seller.SuspendedAt.Should().Be(at);

        seller.Reinstate();

        seller.Status.Should().Be(SellerStatus.Active);
        seller.SuspensionReason.Should().BeNull();
        seller.SuspendedAt.Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Suspension_without_a_reason_is_refused_and_leaves_the_seller_active(string reason)
    {
        var seller = NewSeller(SellerOrigin.CrossBorder, "CN");

        var act = () => seller.Suspend(reason, Opened.AddDays(1));

        act.Should().Throw<DomainException>().Which.Code.Should().Be("seller.suspension_reason_required");
        seller.Status.Should().Be(SellerStatus.Active);
        seller.SuspendedAt.Should().BeNull();
    }

    [Fact]
    public void A_new_local_shop_is_unverified_until_an_admin_verifies_the_evidence_it_sent()
    {
        var seller = NewSeller(SellerOrigin.Local, "ID");
        seller.IsVerified.Should().BeFalse();
        seller.LocalOriginUnverified.Should().BeTrue();

        seller.RequestLocalVerification();
        seller.Verification.Should().Be(OriginVerification.Pending);
        seller.LocalOriginUnverified.Should().BeTrue("a request is not a verification");
        seller.VerifyLocalOrigin(Opened.AddDays(2));

        seller.VerifiedAt.Should().Be(Opened.AddDays(2));
        seller.LocalOriginUnverified.Should().BeFalse();
        var again = () => seller.VerifyLocalOrigin(Opened.AddDays(9));
        again.Should().Throw<DomainException>().Which.Code.Should().Be("seller.no_verification_request");
    }

    [Fact]
    public void A_cross_border_shop_asking_for_local_status_stays_cross_border_until_verified_and_then_is_based_in_Indonesia()
    {
        var seller = NewSeller(SellerOrigin.CrossBorder, "CN");

        seller.RequestLocalVerification();
        seller.Origin.Should().Be(SellerOrigin.CrossBorder);
        seller.VerifyLocalOrigin(Opened.AddDays(3));

        seller.Origin.Should().Be(SellerOrigin.Local);
        seller.CountryCode.Should().Be("ID");
    }

    [Fact]
    public void A_refusal_keeps_the_shop_unverified_with_the_reason_and_moving_to_cross_border_drops_a_verification()
    {
        var seller = NewSeller(SellerOrigin.Local, "ID");
        seller.RequestLocalVerification();
        seller.RefuseLocalOrigin("NIB tidak terdaftar di OSS");
        seller.Verification.Should().Be(OriginVerification.Refused);
        seller.VerificationNote.Should().Be("NIB tidak terdaftar di OSS");
        seller.LocalOriginUnverified.Should().BeTrue();

        seller.RequestLocalVerification();
        seller.VerifyLocalOrigin(Opened.AddDays(4));
        seller.SetOrigin(SellerOrigin.CrossBorder, "SG");

        seller.VerifiedAt.Should().BeNull();
        seller.Verification.Should().Be(OriginVerification.NotRequested);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Seller_without_a_user_is_refused(string userId)
    {
        var act = () => new Seller(userId, "Batik Laweyan", "batik-laweyan", SellerOrigin.Local, "ID", "Jawa Tengah", "Surakarta", null, Opened);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("seller.user_required");
    }

    private static Seller NewSeller(SellerOrigin origin, string country, string? nib = null) =>
        new("user-1", "Toko Uji", "toko-uji", origin, country, "Jawa Tengah", "Surakarta", nib, Opened);
}

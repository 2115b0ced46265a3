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
    public void A_new_seller_is_unverified_and_verifying_again_keeps_the_first_instant()
    {
        var seller = NewSeller(SellerOrigin.Local, "ID");
        seller.IsVerified.Should().BeFalse();

        seller.Verify(Opened.AddDays(2));
        seller.Verify(Opened.AddDays(9));

        seller.IsVerified.Should().BeTrue();
        seller.VerifiedAt.Should().Be(Opened.AddDays(2));
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

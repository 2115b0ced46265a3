using Marketplace.Domain.Sellers;

namespace Marketplace.Domain.Tests.Sellers;

public class SellerContactTests
{
    private static Seller NewSeller() =>
        new("user-1", "Batik Sekar Jagad", "batik-sekar-jagad", SellerOrigin.Local, "ID", "DI Yogyakarta", "Yogyakarta", null, new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.FromHours(7)));

    [Theory]
    [InlineData("0812-3456-7890", "081234567890")]
    [InlineData("+62 812 3456 7890", "+6281234567890")]
    [InlineData("(0274) 512345", "0274512345")]
    public void Phone_numbers_are_kept_as_their_digits(string typed, string kept)
    {
        var seller = NewSeller();

        seller.SetContact(" toko@batik.id ", typed);

        seller.ContactPhone.Should().Be(kept);
        seller.ContactEmail.Should().Be("toko@batik.id");
    }

    [Theory]
    [InlineData("0812")]
    [InlineData("0812-3456-7890-1234-5")]
    [InlineData("0812 abc 7890")]
    [InlineData("62+812345678")]
    [InlineData("")]
    public void A_phone_number_without_8_to_15_digits_or_with_letters_is_refused(string phone)
    {
        var act = () => NewSeller().SetContact("toko@batik.id", phone);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("seller.phone_invalid");
    }

    [Theory]
    [InlineData("toko")]
    [InlineData("toko@")]
    [InlineData("@batik.id")]
    [InlineData("toko@batik")]
    [InlineData("toko@@batik.id")]
    [InlineData("toko batik@batik.id")]
    [InlineData("toko@batik.")]
    public void An_email_address_that_is_not_shaped_like_one_is_refused(string email)
    {
        var seller = NewSeller();

        var act = () => seller.SetContact(email, "081234567890");

        act.Should().Throw<DomainException>().Which.Code.Should().Be("seller.email_invalid");
        seller.ContactEmail.Should().BeNull("a refused contact leaves the seller as it was");
    }
}

public class SameNumberFormsTests
{
    [Theory]
    [InlineData("081234567890")]
    [InlineData("6281234567890")]
    [InlineData("+6281234567890")]
    public void An_Indonesian_number_has_its_three_written_forms(string stored)
    {
        SellerContact.SameNumberForms(stored).Should().Equal("081234567890", "6281234567890", "+6281234567890");
    }

    [Fact]
    public void A_foreign_number_is_only_itself()
    {
        SellerContact.SameNumberForms("+8613800138000").Should().Equal("+8613800138000");
    }
}

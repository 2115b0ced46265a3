using System.Globalization;
using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Tests.Listings;

public class ListingContentTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(120)]
    public void Title_of_three_to_one_hundred_twenty_characters_is_accepted(int length)
    {
        var title = new string('a', length);

        var content = ListingStates.Content(title: title);

        content.Title.Should().HaveLength(length);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("   ab   ")]
    [InlineData("")]
    [InlineData("   ")]
    public void Title_shorter_than_three_characters_after_trimming_is_refused(string title)
    {
        var act = () => ListingStates.Content(title: title);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.title_invalid");
    }

    [Fact]
    public void Title_longer_than_one_hundred_twenty_characters_is_refused()
    {
        var act = () => ListingStates.Content(title: new string('a', 121));

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.title_invalid");
    }

    [Fact]
    public void Title_and_description_are_trimmed()
    {
        var content = ListingStates.Content(title: "  Kemeja Batik  ", description: "\n Katun halus. \t");

        content.Title.Should().Be("Kemeja Batik");
        content.Description.Should().Be("Katun halus.");
    }

    [Fact]
    public void Description_of_five_thousand_characters_is_accepted_and_one_more_is_refused()
    {
        var longest = () => ListingStates.Content(description: new string('d', 5000));
        var tooLong = () => ListingStates.Content(description: new string('d', 5001));

        longest.Should().NotThrow();
        tooLong.Should().Throw<DomainException>().Which.Code.Should().Be("listing.description_too_long");
    }

    [Fact]
    public void Missing_description_becomes_empty()
    {
        var content = new ListingContent(11, "Kabel data", null!, new Rupiah(1), 0, ProductOrigin.Local, null);

        content.Description.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_000_000_000)]
    public void Price_above_zero_up_to_ten_billion_rupiah_is_accepted(long price)
    {
        var act = () => ListingStates.Content(price: price);

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000_000_001)]
    public void Price_of_zero_or_above_ten_billion_rupiah_is_refused(long price)
    {
        var act = () => ListingStates.Content(price: price);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.price_invalid");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000)]
    public void Stock_from_zero_to_one_million_is_accepted(int stock)
    {
        var act = () => ListingStates.Content(stock: stock);

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void Stock_below_zero_or_above_one_million_is_refused(int stock)
    {
        var act = () => ListingStates.Content(stock: stock);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.stock_invalid");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("40.5")]
    [InlineData("100")]
    public void Tkdn_from_zero_to_one_hundred_percent_or_none_is_accepted(string? tkdn)
    {
        var act = () => ListingStates.Content(tkdn: tkdn is null ? null : decimal.Parse(tkdn, CultureInfo.InvariantCulture));

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("100.01")]
    public void Tkdn_outside_zero_to_one_hundred_percent_is_refused(string tkdn)
    {
        var act = () => ListingStates.Content(tkdn: decimal.Parse(tkdn, CultureInfo.InvariantCulture));

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.tkdn_invalid");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void Content_without_a_category_is_refused(int categoryId)
    {
        var act = () => ListingStates.Content(categoryId: categoryId);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.category_required");
    }

    [Theory]
    [InlineData("A", "A")]
    [InlineData("BTK-tulis_01./2", "BTK-tulis_01./2")]
    [InlineData("  KOPI-250G  ", "KOPI-250G")]
    public void Sku_of_letters_digits_and_separators_is_accepted_and_trimmed(string sku, string expected)
    {
        ListingContent.NormalizeSku(sku).Should().Be(expected);
    }

    [Fact]
    public void Sku_of_sixty_four_characters_is_accepted_and_sixty_five_is_refused()
    {
        var longest = () => ListingContent.NormalizeSku(new string('S', 64));
        var tooLong = () => ListingContent.NormalizeSku(new string('S', 65));

        longest.Should().NotThrow();
        tooLong.Should().Throw<DomainException>().Which.Code.Should().Be("listing.sku_invalid");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("KOPI 250G")]
    [InlineData("BATIK#1")]
    [InlineData("kain-tenun-ñ")]
    [InlineData("KOPI,250")]
    public void Sku_with_spaces_punctuation_or_non_ascii_letters_is_refused(string sku)
    {
        var act = () => ListingContent.NormalizeSku(sku);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.sku_invalid");
    }

    [Fact]
    public void New_listing_refuses_an_invalid_sku()
    {
        var act = () => new Listing(3, "no spaces allowed", ListingStates.Content(), ListingStates.Created);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.sku_invalid");
    }
}

using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Tests.Listings;

public class ListingVariantTests
{
    private static readonly DateTimeOffset Later = new(2026, 6, 2, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_listing_with_variants_costs_from_its_lowest_variant_price_and_holds_their_stock_together()
    {
        var listing = ListingStates.NewDraft();

        listing.SetVariants([Draft("S", 150_000, 2), Draft("M", 140_000, 5), Draft("XL", 175_000, 0)], Later);

        listing.HasVariants.Should().BeTrue();
        listing.Price.Should().Be(new Rupiah(140_000));
        listing.Stock.Should().Be(7);
        listing.Variants.Select(v => v.Label).Should().Equal("Ukuran: S", "Ukuran: M", "Ukuran: XL");
    }

    [Fact]
    public void A_variant_is_labelled_by_up_to_two_options()
    {
        new VariantOptions("Ukuran", "M", "Warna", "Merah").Label.Should().Be("Ukuran: M / Warna: Merah");
        new VariantOptions(" Ukuran ", " M ").Label.Should().Be("Ukuran: M");
    }

    [Theory]
    [InlineData("", "M")]
    [InlineData("Ukuran", "")]
    [InlineData("Ukuran", "M/L")]
    [InlineData("Ukuran: lebar", "M")]
    public void An_option_without_a_name_or_value_or_with_separators_is_refused(string name, string value)
    {
        var act = () => new VariantOptions(name, value);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.variant_option_invalid");
    }

    [Fact]
    public void Two_variants_with_the_same_options_are_refused()
    {
        var listing = ListingStates.NewDraft();

        var act = () => listing.SetVariants([Draft("M", 100_000, 1), Draft("m", 120_000, 1)], Later);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.variant_repeated");
        listing.HasVariants.Should().BeFalse();
    }

    [Fact]
    public void Variants_of_one_listing_share_their_option_names()
    {
        var listing = ListingStates.NewDraft();

        var act = () => listing.SetVariants([Draft("M", 100_000, 1), new VariantDraft(null, new VariantOptions("Warna", "Merah"), new Rupiah(100_000), 1)], Later);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.variant_options_differ");
    }

    [Fact]
    public void Restocking_a_variant_puts_the_units_back_on_it_and_on_the_listing()
    {
        var listing = ListingStates.NewDraft();
        listing.SetVariants([Draft("S", 150_000, 2), Draft("M", 140_000, 5)], Later);
        var id = 1L;
        foreach (var variant in listing.Variants)
        {
            // The ids the database gives the rows when the listing is saved.
            typeof(ListingVariant).GetProperty(nameof(ListingVariant.Id))!.SetValue(variant, id++);
        }

        var medium = listing.Variants.Single(v => v.Value1 == "M");

        listing.Restock(3, medium.Id);

        medium.Stock.Should().Be(8);
        listing.Stock.Should().Be(10);
    }

    [Fact]
    public void Removing_every_variant_leaves_a_listing_sold_as_one_thing()
    {
        var listing = ListingStates.NewDraft();
        listing.SetVariants([Draft("S", 150_000, 2)], Later);

        listing.SetVariants([], Later);

        listing.HasVariants.Should().BeFalse();
        listing.Variants.Should().BeEmpty();
    }

    private static VariantDraft Draft(string size, long price, int stock) => new(null, new VariantOptions("Ukuran", size), new Rupiah(price), stock);
}

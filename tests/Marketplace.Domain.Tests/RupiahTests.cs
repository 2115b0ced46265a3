namespace Marketplace.Domain.Tests;

public class RupiahTests
{
    [Fact]
    public void Amounts_add_up()
    {
        (new Rupiah(1_000) + new Rupiah(250)).Should().Be(new Rupiah(1_250));
        new Rupiah(1_000).Add(new Rupiah(0)).Amount.Should().Be(1_000);
    }

    [Fact]
    public void Smaller_amount_subtracts_from_a_larger_one()
    {
        (new Rupiah(1_000) - new Rupiah(250)).Amount.Should().Be(750);
        new Rupiah(250).Subtract(new Rupiah(250)).Should().Be(Rupiah.Zero);
    }

    [Fact]
    public void Subtraction_below_zero_is_refused()
    {
        var act = () => new Rupiah(250) - new Rupiah(1_000);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("money.negative");
    }

    [Theory]
    [InlineData(12_500, 3, 37_500)]
    [InlineData(12_500, 1, 12_500)]
    [InlineData(12_500, 0, 0)]
    [InlineData(10_000_000_000, 999, 9_990_000_000_000)]
    public void Price_times_quantity_is_the_line_amount(long price, int quantity, long expected)
    {
        (new Rupiah(price) * quantity).Amount.Should().Be(expected);
        new Rupiah(price).Multiply(quantity).Amount.Should().Be(expected);
    }

    [Fact]
    public void Negative_quantity_is_refused()
    {
        var act = () => new Rupiah(12_500) * -2;

        act.Should().Throw<DomainException>().Which.Code.Should().Be("money.negative");
    }

    [Fact]
    public void Sum_adds_every_amount_and_is_zero_for_none()
    {
        Rupiah.Sum([new Rupiah(1_000), new Rupiah(2_500), new Rupiah(500)]).Amount.Should().Be(4_000);
        Rupiah.Sum([]).Amount.Should().Be(0);
    }

    [Fact]
    public void Amounts_compare_by_value()
    {
        var small = new Rupiah(999);
        var large = new Rupiah(1_000);

        (small < large).Should().BeTrue();
        (large > small).Should().BeTrue();
        (small <= new Rupiah(999)).Should().BeTrue();
        (large >= new Rupiah(999)).Should().BeTrue();
        (large <= small).Should().BeFalse();
        (small >= large).Should().BeFalse();
        small.CompareTo(large).Should().BeNegative();
        large.CompareTo(new Rupiah(1_000)).Should().Be(0);
        new[] { large, Rupiah.Zero, small }.Order().Select(r => r.Amount).Should().Equal(0, 999, 1_000);
        new Rupiah(1_000).Should().Be(large);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void Negative_amount_is_refused(long amount)
    {
        var act = () => new Rupiah(amount);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("money.negative");
    }

    [Fact]
    public void Addition_past_the_largest_amount_throws_instead_of_wrapping()
    {
        var act = () => new Rupiah(long.MaxValue) + new Rupiah(1);

        act.Should().Throw<OverflowException>();
    }

    [Fact]
    public void Multiplication_past_the_largest_amount_throws_instead_of_wrapping()
    {
        var act = () => new Rupiah((long.MaxValue / 2) + 1) * 2;

        act.Should().Throw<OverflowException>();
    }

    [Fact]
    public void Sum_past_the_largest_amount_throws_instead_of_wrapping()
    {
        var act = () => Rupiah.Sum([new Rupiah(long.MaxValue - 5), new Rupiah(3), new Rupiah(3)]);

        act.Should().Throw<OverflowException>();
    }

    [Theory]
    [InlineData(0, "Rp 0")]
    [InlineData(500, "Rp 500")]
    [InlineData(999, "Rp 999")]
    [InlineData(1_000, "Rp 1.000")]
    [InlineData(12_345, "Rp 12.345")]
    [InlineData(100_000, "Rp 100.000")]
    [InlineData(1_250_000, "Rp 1.250.000")]
    [InlineData(10_000_000_000, "Rp 10.000.000.000")]
    public void Amount_is_written_in_indonesian_notation_whatever_the_culture(long amount, string expected)
    {
        foreach (var culture in new[] { "en-US", "id-ID", "de-CH", "fr-FR" })
        {
            Cultures.Run(culture, () => new Rupiah(amount).ToString()).Should().Be(expected, "under {0}", culture);
        }

        Cultures.Run("id-ID", () => $"{new Rupiah(amount)}").Should().Be(expected);
    }

    [Theory]
    [InlineData("1250000")]
    [InlineData("1.250.000")]
    [InlineData("Rp 1.250.000")]
    [InlineData("Rp1.250.000,00")]
    [InlineData("rp 1.250.000")]
    [InlineData("  Rp 1.250.000  ")]
    [InlineData("Rp. 1.250.000")]
    [InlineData("1.250.000,0")]
    public void Rupiah_notation_is_read(string text)
    {
        foreach (var culture in new[] { "en-US", "id-ID" })
        {
            Cultures.Run(culture, () => Rupiah.Parse(text)).Amount.Should().Be(1_250_000, "under {0}", culture);
        }
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("Rp 500", 500)]
    [InlineData("10.000.000.000", 10_000_000_000)]
    [InlineData("999999999999999", 999_999_999_999_999)]
    public void Small_large_and_zero_amounts_are_read(string text, long expected)
    {
        Rupiah.TryParse(text, out var value).Should().BeTrue();
        value.Amount.Should().Be(expected);
    }

    [Theory]
    [InlineData("12,5")]
    [InlineData("1.250.000,50")]
    [InlineData("1.250.000,")]
    [InlineData("-5")]
    [InlineData("Rp -5")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Rp")]
    [InlineData("1e6")]
    [InlineData("+5")]
    [InlineData("１２３")]
    [InlineData("9999999999999999")]
    public void Text_that_is_not_a_whole_rupiah_amount_is_refused(string text)
    {
        Rupiah.TryParse(text, out var value).Should().BeFalse();
        value.Should().Be(Rupiah.Zero);
        var act = () => Rupiah.Parse(text);
        act.Should().Throw<DomainException>().Which.Code.Should().Be("money.invalid");
    }

    [Theory]
    [InlineData("150000.00")]
    [InlineData("12.5")]
    [InlineData("1.25.000")]
    [InlineData("1250.000")]
    [InlineData(".500")]
    [InlineData("1.250.")]
    public void Dots_that_are_not_thousands_separators_are_refused_rather_than_ignored(string text)
    {
        Rupiah.TryParse(text, out _).Should().BeFalse("'{0}' is not Indonesian thousands grouping, and dropping the dots would misread it", text);
    }

    [Fact]
    public void Missing_text_is_not_an_amount()
    {
        Rupiah.TryParse(null, out var value).Should().BeFalse();
        value.Should().Be(Rupiah.Zero);
    }
}

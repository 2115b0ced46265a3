using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Tests.Orders;

public class OrderNumberTests
{
    [Fact]
    public void Number_carries_the_placing_date_in_western_indonesian_time()
    {
        // 18:30 UTC on 21 November is already 22 November in Jakarta.
        var placedAt = new DateTimeOffset(2026, 11, 21, 18, 30, 0, TimeSpan.Zero);

        var number = OrderNumber.Create(placedAt, "8F3K2Q");

        number.Should().Be("MP-20261122-8F3K2Q");
        OrderNumber.IsWellFormed(number).Should().BeTrue();
    }

    [Theory]
    [InlineData("8F3K2")]
    [InlineData("8F3K2QQ")]
    [InlineData("8F3K0Q")]
    [InlineData("8F3KIQ")]
    [InlineData("8f3k2q")]
    public void Suffix_of_other_length_or_with_look_alike_characters_is_refused(string suffix)
    {
        var act = () => OrderNumber.Create(DateTimeOffset.UnixEpoch, suffix);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("order.number_invalid");
    }

    [Theory]
    [InlineData("MP-20261122-8F3K2Q", true)]
    [InlineData("MP-20261322-8F3K2Q", false)]
    [InlineData("MP-20261122_8F3K2Q", false)]
    [InlineData("XX-20261122-8F3K2Q", false)]
    [InlineData("MP-20261122-8F3K2O", false)]
    [InlineData("MP-20261122-8F3K2", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Well_formed_numbers_are_told_apart_from_anything_else(string? number, bool expected) =>
        OrderNumber.IsWellFormed(number).Should().Be(expected);

    [Fact]
    public void Order_refuses_a_number_that_is_not_well_formed()
    {
        var address = ShippingAddress.Create("Siti", "0812", "Jl. Malioboro 12", "Yogyakarta", "DI Yogyakarta", "55271");

        var act = () => new Order("12345", "user-7", address, PaymentMethod.CashOnDelivery, new Rupiah(15_000), DateTimeOffset.UnixEpoch);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("order.number_invalid");
    }
}

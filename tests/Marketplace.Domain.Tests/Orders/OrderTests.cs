using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Tests.Orders;

public class OrderTests
{
    private static readonly ShippingAddress Address =
        ShippingAddress.Create("Siti Rahayu", "0812-3456-7890", "Jl. Malioboro 12", "Yogyakarta", "DI Yogyakarta", "55271");

    [Fact]
    public void Totals_add_the_lines_and_one_shipping_fee_per_seller()
    {
        var order = NewOrder(shippingPerSeller: 15_000);
        order.AddLine(1, sellerId: 10, "Kemeja Batik Tulis", new Rupiah(250_000), 2);
        order.AddLine(2, sellerId: 10, "Selendang Sutra", new Rupiah(125_000), 1);
        order.AddLine(3, sellerId: 20, "Kopi Gayo 250 g", new Rupiah(85_000), 3);

        order.SellerCount.Should().Be(2);
        order.Subtotal.Should().Be(new Rupiah(880_000));
        order.ShippingTotal.Should().Be(new Rupiah(30_000));
        order.Total.Should().Be(new Rupiah(910_000));
        order.Lines.Select(l => l.LineTotal.Amount).Should().Equal(500_000, 125_000, 255_000);
    }

    [Fact]
    public void Many_lines_from_one_seller_pay_one_shipping_fee()
    {
        var order = NewOrder(shippingPerSeller: 12_000);
        for (var i = 1; i <= 4; i++)
        {
            order.AddLine(i, sellerId: 10, $"Keripik {i}", new Rupiah(10_000), 1);
        }

        order.ShippingTotal.Should().Be(new Rupiah(12_000));
        order.Total.Should().Be(new Rupiah(52_000));
    }

    [Fact]
    public void Order_without_lines_costs_nothing()
    {
        var order = NewOrder(shippingPerSeller: 12_000);

        order.Total.Should().Be(Rupiah.Zero);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Line_of_less_than_one_unit_is_refused(int quantity)
    {
        var order = NewOrder(shippingPerSeller: 12_000);

        var act = () => order.AddLine(1, 10, "Sambal Roa", new Rupiah(45_000), quantity);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("order.quantity_invalid");
        order.Lines.Should().BeEmpty();
    }

    [Theory]
    [InlineData("5527")]
    [InlineData("552710")]
    [InlineData("5527A")]
    [InlineData("")]
    public void Postal_code_must_have_five_digits(string postalCode)
    {
        var act = () => ShippingAddress.Create("Siti", "0812", "Jl. Malioboro 12", "Yogyakarta", "DI Yogyakarta", postalCode);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("address.postal_code_invalid");
    }

    private static Order NewOrder(long shippingPerSeller) =>
        new("MP-20260601-8F3K2Q", "user-7", Address, PaymentMethod.BankTransfer, new Rupiah(shippingPerSeller), new DateTimeOffset(2026, 6, 1, 20, 0, 0, TimeSpan.FromHours(7)));
}

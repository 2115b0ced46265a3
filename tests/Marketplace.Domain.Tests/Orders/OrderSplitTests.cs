using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Tests.Orders;

public class OrderSplitTests
{
    private static readonly ShippingAddress Address =
        ShippingAddress.Create("Made Wirawan", "0813-1111-2222", "Jl. Raya Ubud 5", "Gianyar", "Bali", "80571");

    [Fact]
    public void Order_from_three_sellers_splits_into_three_parts_each_with_its_own_shipping_fee()
    {
        var order = new Order("MP-20261122-ABCDEF", "user-9", Address, PaymentMethod.BankTransfer, new Rupiah(15_000), DateTimeOffset.UnixEpoch);
        order.AddLine(1, sellerId: 30, "Kopi Gayo 250 g", new Rupiah(85_000), 2);
        order.AddLine(2, sellerId: 10, "Batik Tulis Parang", new Rupiah(450_000), 1);
        order.AddLine(3, sellerId: 30, "Kopi Luwak 100 g", new Rupiah(250_000), 1);
        order.AddLine(4, sellerId: 20, "Keripik Tempe", new Rupiah(20_000), 5);

        var parts = order.Parts;

        parts.Select(p => p.SellerId).Should().Equal(30, 10, 20);
        parts[0].Lines.Select(l => l.ListingId).Should().Equal(1, 3);
        parts.Select(p => p.Subtotal.Amount).Should().Equal(420_000, 450_000, 100_000);
        parts.Should().OnlyContain(p => p.ShippingFee == new Rupiah(15_000));
        parts.Select(p => p.Total.Amount).Should().Equal(435_000, 465_000, 115_000);
        Rupiah.Sum(parts.Select(p => p.Total)).Should().Be(order.Total);
    }

    [Fact]
    public void Order_without_lines_has_no_parts()
    {
        var order = new Order("MP-20261122-ABCDEF", "user-9", Address, PaymentMethod.CashOnDelivery, new Rupiah(15_000), DateTimeOffset.UnixEpoch);

        order.Parts.Should().BeEmpty();
    }
}

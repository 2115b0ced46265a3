using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Tests.Orders;

public class OrderLineTransitionTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 2, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_line_goes_from_new_to_packed_to_shipped_with_tracking_to_delivered_and_each_step_is_recorded()
    {
        var line = NewLine(quantity: 2);

        var packed = line.Pack("penjual@toko.id", At);
        var shipped = line.Ship("JNE", " JNE-1234567890 ", "penjual@toko.id", At.AddHours(1));
        var delivered = line.Deliver("penjual@toko.id", At.AddDays(2));

        line.Status.Should().Be(OrderLineStatus.Delivered);
        line.TrackingNumber.Should().Be("JNE-1234567890");
        new[] { packed, shipped, delivered }.Select(e => (e.From, e.To)).Should().Equal(
            (OrderLineStatus.New, OrderLineStatus.Packed),
            (OrderLineStatus.Packed, OrderLineStatus.Shipped),
            (OrderLineStatus.Shipped, OrderLineStatus.Delivered));
        shipped.TrackingNumber.Should().Be("JNE-1234567890");
        delivered.Actor.Should().Be("penjual@toko.id");
        delivered.At.Should().Be(At.AddDays(2));
    }

    [Fact]
    public void A_line_cannot_skip_a_step_or_go_back()
    {
        var line = NewLine();

        ((Action)(() => line.Ship("JNE", "JNE-1234", "a", At))).Should().Throw<DomainException>().Which.Code.Should().Be("order.transition_forbidden");
        ((Action)(() => line.Deliver("a", At))).Should().Throw<DomainException>();
        line.Pack("a", At);
        ((Action)(() => line.Pack("a", At))).Should().Throw<DomainException>();
        line.Status.Should().Be(OrderLineStatus.Packed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("JNE 123 456")]
    public void Shipping_needs_a_plausible_tracking_number(string tracking)
    {
        var line = NewLine();
        line.Pack("a", At);

        var act = () => line.Ship("JNE", tracking, "a", At);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("order.tracking_invalid");
        line.Status.Should().Be(OrderLineStatus.Packed);
    }

    [Fact]
    public void Cancelling_a_packed_line_puts_its_quantity_back_on_stock()
    {
        var listing = NewListing(stock: 5);
        var line = NewLine(quantity: 3);
        line.Pack("a", At);

        var cancelled = line.Cancel(listing, "penjual@toko.id", At);

        line.Status.Should().Be(OrderLineStatus.Cancelled);
        listing.Stock.Should().Be(8);
        cancelled.To.Should().Be(OrderLineStatus.Cancelled);
    }

    [Fact]
    public void A_shipped_line_cannot_be_cancelled_and_stock_stays()
    {
        var listing = NewListing(stock: 5);
        var line = NewLine(quantity: 3);
        line.Pack("a", At);
        line.Ship("JNE", "JNE-1234", "a", At);

        var act = () => line.Cancel(listing, "a", At);

        act.Should().Throw<DomainException>();
        listing.Stock.Should().Be(5);
    }

    private static Listing NewListing(int stock) =>
        new(10, "KB-01", new ListingContent(3, "Kemeja Batik Tulis", "Katun.", new Rupiah(250_000), stock, ProductOrigin.Local, null), At);

    private static OrderLine NewLine(int quantity = 1)
    {
        var order = new Order("MP-20260602-AAAAAA", "user-1", ShippingAddress.Create("Siti", "0812345678", "Jl. Malioboro 1", "Yogyakarta", "DI Yogyakarta", "55271"), PaymentMethod.BankTransfer, new Rupiah(10_000), At);

        // A listing made in memory has id 0, so the line points at it.
        order.AddLine(0, 10, "Kemeja Batik Tulis", new Rupiah(250_000), quantity);
        return order.Lines.Single();
    }
}

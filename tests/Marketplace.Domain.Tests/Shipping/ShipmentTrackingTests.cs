using Marketplace.Domain.Orders;
using Marketplace.Domain.Shipping;

namespace Marketplace.Domain.Tests.Shipping;

public sealed class ShipmentTrackingTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static readonly CourierQuote Quote = new(new CourierService("JNE-REG", "JNE", "REG", 100, 0, 0), 1, new Rupiah(15_000), 2, 3);

    private static Order CashOnDeliveryOrder()
    {
        var order = new Order("MP-20261207-ABCDEF", "shopper", ShippingAddress.Create("Siti", "0812-3456-7890", "Jl. Malioboro 12", "Yogyakarta", "DI Yogyakarta", "55271"),
            PaymentMethod.CashOnDelivery, Rupiah.Zero, At);
        order.AddLine(1, 10, "Kemeja Batik", new Rupiah(120_000), 1);
        order.ShipWith(OrderShipping.From(10, Quote));
        return order;
    }

    [Fact]
    public void The_chosen_quote_is_the_parts_shipping_fee_and_cash_on_delivery_collects_goods_and_shipping()
    {
        var order = CashOnDeliveryOrder();

        order.Parts.Single().ShippingFee.Should().Be(new Rupiah(15_000));
        order.Total.Should().Be(new Rupiah(135_000));
        var (shipment, changes) = Shipment.Book(order, 10, "JNE000011112222", "seller", At);

        shipment.CashToCollect.Should().Be(new Rupiah(135_000));
        changes.Should().ContainSingle().Which.To.Should().Be(OrderLineStatus.Packed);
    }

    [Fact]
    public void Tracking_events_move_the_parcel_and_its_lines_forward_only()
    {
        var order = CashOnDeliveryOrder();
        var (shipment, _) = Shipment.Book(order, 10, "JNE000011112222", "seller", At);

        shipment.Track("e1", TrackingStage.PickedUp, "Solo", At.AddHours(1), order.Lines, "courier:JNE")!.Single().To.Should().Be(OrderLineStatus.Shipped);
        shipment.Track("e2", TrackingStage.Delivered, "Yogyakarta", At.AddDays(2), order.Lines, "courier:JNE")!.Single().At.Should().Be(At.AddDays(2));
        shipment.Track("e3", TrackingStage.InTransit, "Hub", At.AddDays(3), order.Lines, "courier:JNE").Should().BeNull("nothing comes after delivered");
        shipment.Track("e4", TrackingStage.PickedUp, "Solo", At.AddDays(3), order.Lines, "courier:JNE").Should().BeNull();

        shipment.Stage.Should().Be(TrackingStage.Delivered);
        shipment.Events.Select(e => e.EventId).Should().Equal("e1", "e2");
        order.Lines.Single().Status.Should().Be(OrderLineStatus.Delivered);
    }

    [Fact]
    public void A_part_is_booked_once_only_while_it_is_being_packed()
    {
        var order = CashOnDeliveryOrder();
        var (shipment, _) = Shipment.Book(order, 10, "JNE000011112222", "seller", At);
        shipment.Track("e1", TrackingStage.PickedUp, null, At, order.Lines, "courier:JNE");

        FluentActions.Invoking(() => Shipment.Book(order, 10, "JNE000033334444", "seller", At))
            .Should().Throw<DomainException>().Which.Code.Should().Be("shipment.not_bookable");
    }
}

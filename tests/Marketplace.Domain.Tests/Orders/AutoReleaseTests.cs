using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Tests.Orders;

public class AutoReleaseTests
{
    private static readonly DateTimeOffset Shipped = new(2026, 6, 2, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_parcel_booked_with_the_courier_is_released_days_after_the_couriers_delivery()
    {
        OrderParts.AutoReleaseAt(bookedWithCourier: true, deliveredAt: Shipped.AddDays(2), shippedAt: Shipped, daysAfterDelivery: 3, daysAfterShipping: 14)
            .Should().Be(Shipped.AddDays(5));
    }

    [Fact]
    public void A_part_shipped_by_hand_is_released_days_after_shipping_however_early_the_seller_called_it_delivered()
    {
        OrderParts.AutoReleaseAt(bookedWithCourier: false, deliveredAt: Shipped.AddMinutes(1), shippedAt: Shipped, daysAfterDelivery: 3, daysAfterShipping: 14)
            .Should().Be(Shipped.AddDays(14));
    }
}

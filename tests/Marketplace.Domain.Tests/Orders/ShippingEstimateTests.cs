using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Tests.Orders;

public sealed class ShippingEstimateTests
{
    [Theory]
    [InlineData("Jawa Barat", "Jawa Barat", ShippingZone.SameProvince, 10_000, 1, 2)]
    [InlineData("Jawa Barat", "di yogyakarta", ShippingZone.SameIsland, 18_000, 2, 4)]
    [InlineData("Aceh", "Kepulauan Riau", ShippingZone.SameIsland, 18_000, 2, 4)]
    [InlineData("Jawa Timur", "Papua Selatan", ShippingZone.OtherIsland, 35_000, 4, 7)]
    public void The_quote_follows_the_distance_between_the_provinces(string origin, string destination, ShippingZone zone, long price, int minDays, int maxDays) =>
        ShippingEstimate.Quote(origin, destination).Should().Be(new ShippingQuote(zone, new Rupiah(price), minDays, maxDays));

    [Theory]
    [InlineData("Jawa Barat", "Atlantis")]
    [InlineData("", "Bali")]
    [InlineData(null, null)]
    public void No_quote_without_two_provinces(string? origin, string? destination) =>
        ShippingEstimate.Quote(origin, destination).Should().BeNull();

    [Fact]
    public void Every_province_belongs_to_an_island_group() =>
        IndonesianProvinces.All.Should().OnlyContain(p => ShippingEstimate.Quote(p, "Jawa Barat") != null);
}

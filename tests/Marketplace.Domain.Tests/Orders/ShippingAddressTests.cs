using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Tests.Orders;

public class ShippingAddressTests
{
    [Theory]
    [InlineData("jawa  barat", "Jawa Barat")]
    [InlineData("DKI JAKARTA", "DKI Jakarta")]
    [InlineData(" Papua Pegunungan ", "Papua Pegunungan")]
    public void Province_is_stored_under_its_listed_name(string typed, string expected)
    {
        var address = ShippingAddress.Create("Ayu", "0812", "Jl. Merdeka 1", "Kota", typed, "40111");

        address.Province.Should().Be(expected);
    }

    [Theory]
    [InlineData("Jawa Utara")]
    [InlineData("Selangor")]
    [InlineData("")]
    public void Place_that_is_not_an_indonesian_province_is_refused(string province)
    {
        var act = () => ShippingAddress.Create("Ayu", "0812", "Jl. Merdeka 1", "Kota", province, "40111");

        act.Should().Throw<DomainException>().Which.Code.Should().Be("address.province_invalid");
    }

    [Fact]
    public void There_are_thirty_eight_provinces_each_listed_once() =>
        IndonesianProvinces.All.Should().HaveCount(38).And.OnlyHaveUniqueItems();
}

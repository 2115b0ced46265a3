using Marketplace.Domain.Orders;
using Marketplace.Domain.Shipping;

namespace Marketplace.Domain.Tests.Shipping;

public sealed class CourierRateTests
{
    private static readonly Lazy<CourierRateTable> Sample = new(() =>
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder!.FullName, "Marketplace.sln")))
        {
            folder = folder.Parent;
        }

        var rates = Path.Combine(folder.FullName, "src", "Marketplace.Web", "Features", "Shipping", "SampleRates");
        return CourierRateTable.Parse(File.ReadAllText(Path.Combine(rates, "routes.csv")), File.ReadAllText(Path.Combine(rates, "services.csv")));
    });

    [Theory]
    [InlineData(300, null, null, null, 1)]
    [InlineData(1000, null, null, null, 1)]
    [InlineData(1001, null, null, null, 2)]
    [InlineData(500, 40, 30, 20, 4)]
    [InlineData(2500, 10, 10, 10, 3)]
    public void The_chargeable_weight_is_the_larger_of_actual_and_volumetric_rounded_up_to_the_kilogram(int grams, int? length, int? width, int? height, int kilograms) =>
        ChargeableWeight.Kilograms(new ParcelSize(grams, length, width, height)).Should().Be(kilograms);

    [Fact]
    public void Items_in_one_parcel_add_up_before_rounding() =>
        ChargeableWeight.Kilograms([(new ParcelSize(400), 2), (new ParcelSize(300), 1)]).Should().Be(2);

    [Theory]
    [InlineData(0)]
    [InlineData(50_001)]
    public void A_weight_outside_1_to_50000_grams_is_refused(int grams) =>
        FluentActions.Invoking(() => new ParcelSize(grams)).Should().Throw<DomainException>().Which.Code.Should().Be("parcel.weight_invalid");

    [Fact]
    public void Dimensions_come_as_three_or_none() =>
        FluentActions.Invoking(() => new ParcelSize(500, 10, 10)).Should().Throw<DomainException>().Which.Code.Should().Be("parcel.dimensions_incomplete");

    [Fact]
    public void The_sample_table_quotes_every_service_between_every_pair_of_provinces_cheapest_first()
    {
        foreach (var from in IndonesianProvinces.All)
        {
            foreach (var to in IndonesianProvinces.All)
            {
                var quotes = Sample.Value.Quote(from, to, 1);
                quotes.Select(q => q.Service.Code).Should().BeEquivalentTo(["JNE-REG", "JNE-YES", "JNT-EZ", "SICEPAT-REG", "ANTERAJA-REG", "POS-KILAT"]);
                quotes.Select(q => q.Price).Should().BeInAscendingOrder();
                quotes.Should().OnlyContain(q => q.MinDays >= 1 && q.MaxDays >= q.MinDays);
            }
        }
    }

    [Fact]
    public void A_route_is_priced_per_chargeable_kilogram_and_farther_costs_more()
    {
        var jneReg = (string from, string to, int kg) => Sample.Value.Quote(from, to, kg).Single(q => q.Service.Code == "JNE-REG");

        jneReg("Jawa Tengah", "Jawa Tengah", 1).Price.Should().Be(new Rupiah(9_000));
        jneReg("Jawa Tengah", "DKI Jakarta", 1).Price.Should().Be(new Rupiah(12_000));
        jneReg("Jawa Tengah", "Papua Pegunungan", 3).Should().Be(jneReg("Papua Pegunungan", "Jawa Tengah", 3));
        jneReg("Jawa Tengah", "Papua Pegunungan", 3).Price.Should().Be(new Rupiah(285_000));
        Sample.Value.Quote("Jawa Tengah", "Jawa Tengah", 1).Single(q => q.Service.Code == "JNE-YES").Price.Should().Be(new Rupiah(16_500), "80% more per kg, rounded up to Rp 500");
    }

    [Fact]
    public void An_unknown_province_gets_no_quote() =>
        Sample.Value.Quote("Jawa Tengah", "Atlantis", 1).Should().BeEmpty();

    [Fact]
    public void A_table_missing_a_route_is_refused() =>
        FluentActions.Invoking(() => new CourierRateTable([new RouteRate(CourierZone.Jawa, CourierZone.Jawa, true, new Rupiah(9_000), 1, 2)], Sample.Value.Services))
            .Should().Throw<DomainException>().Which.Code.Should().Be("rates.route_missing");
}

using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Policy;

public sealed class MinimumPriceRuleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task The_minimum_price_rule_takes_down_cheap_cross_border_listings_except_exempt_chapters_and_brings_them_back_when_off()
    {
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var local = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var cheap = await _scenario.CreateDraftAsync(foreign, PolicyScenario.PhoneCases, "Casing HP Murah", 45_000, ProductOrigin.Imported);
        var dear = await _scenario.CreateDraftAsync(foreign, PolicyScenario.Smartphones, "Smartphone Flagship 12/256", 9_500_000, ProductOrigin.Imported);
        var localCheap = await _scenario.CreateDraftAsync(local, PolicyScenario.PhoneCases, "Casing HP Lokal Murah", 30_000);
        foreach (var id in new[] { cheap, dear, localCheap })
        {
            (await _scenario.PublishAsync(id)).State.Should().Be(ListingState.Published);
        }

        var on = new CrossBorderMinimumPrice(true, 100_00, 16_000m, new DateOnly(2026, 11, 2), new HashSet<int> { 39 });
        var exempt = await _scenario.RulesAsync(r => r.SetMinimumPriceAsync(on, "admin"));

        exempt.Suspended.Should().Be(0, "phone cases are HS chapter 39, on the positive list here");

        var strict = on with { ExemptHsChapters = new HashSet<int> { 49 } };
        var effect = await _scenario.RulesAsync(r => r.SetMinimumPriceAsync(strict, "admin"));

        effect.Suspended.Should().Be(1);
        var down = await _scenario.ListingAsync(cheap);
        down.State.Should().Be(ListingState.Suspended);
        down.ReasonCodes.Should().Equal(ReasonCodes.BelowCrossBorderMinimum);
        (await _scenario.ListingAsync(dear)).State.Should().Be(ListingState.Published);
        (await _scenario.ListingAsync(localCheap)).State.Should().Be(ListingState.Published);

        var off = await _scenario.RulesAsync(r => r.SetMinimumPriceAsync(strict with { Enabled = false }, "admin"));

        off.Restored.Should().Be(1);
        (await _scenario.ListingAsync(cheap)).State.Should().Be(ListingState.Published);
    }
}

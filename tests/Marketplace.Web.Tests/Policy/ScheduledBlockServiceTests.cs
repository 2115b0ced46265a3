using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Policy;

public sealed class ScheduledBlockServiceTests(ScheduledBlockServiceTests.Fixture fixture) : IClassFixture<ScheduledBlockServiceTests.Fixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task The_web_host_applies_a_scheduled_block_by_itself_when_its_instant_comes()
    {
        var electronics = await _scenario.ClusterIdAsync(ReferenceCatalog.Electronics);
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "HK");
        var listing = await _scenario.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone 5G 12/512", ProductOrigin.Imported);
        await _scenario.RulesAsync(r => r.BlockClusterAsync(electronics, _scenario.Now.AddMinutes(30), "Tahap kedua", "admin"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await _scenario.ListingAsync(listing)).State.Should().Be(ListingState.Published, "the instant has not come");

        fixture.Clock.Advance(TimeSpan.FromMinutes(31));

        var state = await WaitForAsync(listing, ListingState.Suspended, TimeSpan.FromSeconds(20));
        state.Should().Be(ListingState.Suspended);
        (await _scenario.DecisionsAsync(listing)).Should().ContainSingle(d => d.Trigger == DecisionTrigger.ScheduledBlock);
    }

    private async Task<ListingState> WaitForAsync(long listing, ListingState expected, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var state = (await _scenario.ListingAsync(listing)).State;
        while (state != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            state = (await _scenario.ListingAsync(listing)).State;
        }

        return state;
    }

    public sealed class Fixture : AppFixture
    {
        public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Policy:ScheduledBlockPollSeconds"] = "1" };
    }
}

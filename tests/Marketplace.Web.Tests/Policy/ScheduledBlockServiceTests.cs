using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

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
        (await _scenario.RulesAsync(r => r.SweepDueBlocksAsync())).Should().Be(0, "the instant has not come");
        (await _scenario.ListingAsync(listing)).State.Should().Be(ListingState.Published);

        // Moving the site's clock past the instant fires the sweeper's timer; nobody calls the sweep.
        fixture.Clock.Advance(TimeSpan.FromMinutes(31));

        await Eventually.WaitForAsync(async () => (await _scenario.ListingAsync(listing)).State, s => s == ListingState.Suspended, "the scheduled block's sweep");
        (await _scenario.DecisionsAsync(listing)).Should().ContainSingle(d => d.Trigger == DecisionTrigger.ScheduledBlock);
    }

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Policy:ScheduledBlockPollSeconds"] = "1" };
    }
}

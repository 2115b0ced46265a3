using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Policy;

/// <summary>Two web nodes on one database: the policy keeps no state in a node, so a block made on one acts on the other's next request.</summary>
public sealed class TwoNodesTests : IAsyncLifetime
{
    // One clock for both nodes, as one wall clock serves every node of a real deployment.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
    private MarketplaceApp? _first;
    private MarketplaceApp? _second;

    private MarketplaceApp First => _first!;

    private MarketplaceApp Second => _second!;

    public async Task InitializeAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync(nameof(TwoNodesTests));
        _first = new MarketplaceApp(database, clock: _clock);
        _second = new MarketplaceApp(database, clock: _clock);
        _ = First.Server;
        _ = Second.Server;
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
    }

    [Fact]
    public async Task A_block_made_through_one_node_is_respected_by_the_other_on_its_next_request()
    {
        var onFirst = new PolicyScenario(First);
        var seller = await onFirst.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        await onFirst.CreatePublishedAsync(seller, "speaker", "Speaker Bluetooth Tahan Air X9", ProductOrigin.Imported);
        var secondClient = Second.CreateBrowserClient();
        (await secondClient.GetStringAsync("/")).Should().Contain("Speaker Bluetooth Tahan Air X9");

        await onFirst.RulesAsync(async r => await r.BlockClusterAsync(await onFirst.ClusterIdAsync(ReferenceCatalog.Electronics), null, "Uji dua node", "admin"));

        (await secondClient.GetStringAsync("/")).Should().NotContain("Speaker Bluetooth Tahan Air X9");
    }

    [Fact]
    public async Task A_scheduled_block_is_respected_by_both_nodes_at_its_instant_without_any_sweep()
    {
        var onFirst = new PolicyScenario(First);
        var seller = await onFirst.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        await onFirst.CreatePublishedAsync(seller, "boneka", "Boneka Beruang Jumbo 1 m", ProductOrigin.Imported);
        var toys = await onFirst.ClusterIdAsync(ReferenceCatalog.Toys);
        await onFirst.RulesAsync(r => r.BlockClusterAsync(toys, _clock.GetUtcNow().AddMinutes(2), "Bertahap", "admin"));
        (await Second.CreateBrowserClient().GetStringAsync("/")).Should().Contain("Boneka Beruang Jumbo 1 m");

        _clock.Advance(TimeSpan.FromMinutes(2));

        (await First.CreateBrowserClient().GetStringAsync("/")).Should().NotContain("Boneka Beruang Jumbo 1 m");
        (await Second.CreateBrowserClient().GetStringAsync("/")).Should().NotContain("Boneka Beruang Jumbo 1 m");
    }
}

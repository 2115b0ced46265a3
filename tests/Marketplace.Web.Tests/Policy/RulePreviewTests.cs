using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Policy;

/// <summary>An admin sees a change's effect before confirming it.</summary>
public sealed class RulePreviewTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task A_preview_reports_exactly_what_the_change_then_does_and_changes_nothing_itself()
    {
        var household = await _scenario.ClusterIdAsync(ReferenceCatalog.Household);
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var local = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var live = new[]
        {
            await _scenario.CreatePublishedAsync(foreign, "botol-minum", "Botol Minum Lipat Silikon", ProductOrigin.Imported),
            await _scenario.CreatePublishedAsync(foreign, "wadah-plastik", "Kotak Makan 3 Sekat", ProductOrigin.Imported),
            await _scenario.CreatePublishedAsync(local, "wadah-plastik", "Rantang Susun Enamel", ProductOrigin.Imported),
        };
        await _scenario.CreatePublishedAsync(local, "wadah-plastik", "Toples Kaca Lokal");

        var preview = await _scenario.RulesAsync(r => r.PreviewAsync(async c => (await c.BlockClusterAsync(household, null, "Pratinjau", "admin")).Effect));

        preview.Suspended.Should().Be(3);
        preview.SellersAffected.Should().Be(2);
        preview.Sample.Should().BeEquivalentTo(live);
        foreach (var id in live)
        {
            (await _scenario.ListingAsync(id)).State.Should().Be(ListingState.Published, "a preview changes nothing");
        }

        (await _scenario.WithDbAsync(db => db.ClusterBlocks.CountAsync(b => b.ClusterId == household))).Should().Be(0);

        var (_, effect) = await _scenario.RulesAsync(r => r.BlockClusterAsync(household, null, "Sungguhan", "admin"));

        effect.Suspended.Should().Be(preview.Suspended);
        effect.Sample.Should().BeEquivalentTo(preview.Sample);
        await _scenario.RulesAsync(r => r.OpenClusterAsync(household, "Selesai", "admin"));
    }
}

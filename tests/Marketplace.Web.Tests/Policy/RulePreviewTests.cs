using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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

    [Fact]
    public async Task A_preview_that_meets_a_term_another_admin_adds_under_it_runs_again_on_the_new_state()
    {
        const string Added = "wadah songket";
        var household = await _scenario.ClusterIdAsync(ReferenceCatalog.Household);
        var terms = await _scenario.WithDbAsync(db => db.LexiconTerms.Where(t => t.ClusterId == household).Select(t => t.Term).ToListAsync());
        await using var otherAdmin = new NpgsqlConnection(fixture.App.ConnectionString);
        await otherAdmin.OpenAsync();
        var adding = await otherAdmin.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO lexicon_terms (cluster_id, term) VALUES (@cluster, @term)", otherAdmin, adding))
        {
            insert.Parameters.AddWithValue("cluster", household);
            insert.Parameters.AddWithValue("term", Added);
            await insert.ExecuteNonQueryAsync();
        }

        var preview = _scenario.RulesAsync(r => r.PreviewAsync(c => c.ReplaceLexiconAsync(household, [.. terms, Added], "admin")));
        await Eventually.WaitForWaiterBehindAsync(otherAdmin);
        await adding.CommitAsync();

        (await preview).Suspended.Should().Be(0, "the preview ran again once the other admin's term was there, and answered");
        (await _scenario.WithDbAsync(db => db.LexiconTerms.CountAsync(t => t.ClusterId == household))).Should().Be(terms.Count + 1, "a preview changes nothing");
        await _scenario.RulesAsync(r => r.ReplaceLexiconAsync(household, terms, "admin"));
    }
}

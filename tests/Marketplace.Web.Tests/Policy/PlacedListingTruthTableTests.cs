using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Policy;

/// <summary>
/// Every fact of <see cref="PlacedListings"/> gives the same answer in its three forms: the C# form the policy and the
/// state machine call, the expression EF translates, and the SQL the policy's own statements use. Every combination of
/// seller origin, product origin, verification, state, suspension and shop status is stored, in a closed cluster and an
/// open one, and asked of each form.
/// </summary>
public sealed class PlacedListingTruthTableTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string SqlForms = $"""
        SELECT l.id AS "Id",
               ({PlacedListingSql.CrossBorder}) IS TRUE AS "CrossBorder",
               ({PlacedListingSql.ClosureApplies}) IS TRUE AS "ClosureApplies",
               ({PlacedListingSql.RuleChangeCandidate}) IS TRUE AS "RuleChangeCandidate",
               ({PlacedListingSql.TakenDownByAdmin}) IS TRUE AS "TakenDownByAdmin"
        FROM listings l
        JOIN sellers s ON s.id = l.seller_id
        JOIN categories c ON c.id = l.category_id
        WHERE l.id = ANY(@ids)
        """;

    private readonly PolicyScenario _scenario = new(fixture.App);

    private sealed record Row(long Id, SellerOrigin SellerOrigin, ProductOrigin ProductOrigin, bool Verified, bool ClusterClosed);

    private sealed record Answers(bool CrossBorder, bool Local, bool ClosureApplies, bool RuleChangeCandidate, bool TakenDownByAdmin, bool Visible);

    /// <summary>The facts the policy's hand-written statements use; "local" and "visible" are read through EF only.</summary>
    private sealed record SqlAnswers(bool CrossBorder, bool ClosureApplies, bool RuleChangeCandidate, bool TakenDownByAdmin);

    [Fact]
    public async Task Each_fact_answers_the_same_in_csharp_in_ef_and_in_the_policy_s_sql()
    {
        var rows = await CreateRowsAsync();
        var compared = 0;
        foreach (var state in Enum.GetValues<ListingState>())
        {
            foreach (var suspendedBy in new SuspensionSource?[] { null, SuspensionSource.Policy, SuspensionSource.Admin })
            {
                foreach (var sellerStatus in Enum.GetValues<SellerStatus>())
                {
                    var ids = rows.Select(r => r.Id).ToArray();
                    await _scenario.WithDbAsync(async db =>
                    {
                        await db.Listings.Where(l => ids.Contains(l.Id)).ExecuteUpdateAsync(u => u.SetProperty(l => l.State, state).SetProperty(l => l.SuspendedBy, suspendedBy));
                        return await db.Sellers.Where(s => db.Listings.Any(l => ids.Contains(l.Id) && l.SellerId == s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, sellerStatus));
                    });

                    var expected = rows.ToDictionary(r => r.Id, r => InCSharp(r, state, suspendedBy, sellerStatus));
                    var ef = await InEfAsync(ids);
                    var sql = await InSqlAsync(ids);
                    foreach (var row in rows)
                    {
                        var because = $"{row} in state {state}, suspended by {suspendedBy?.ToString() ?? "nobody"}, shop {sellerStatus}";
                        ef[row.Id].Should().Be(expected[row.Id], "EF's translation must agree with C# for " + because);
                        sql[row.Id].Should().Be(SqlPart(expected[row.Id]), "the policy's SQL must agree with C# for " + because);
                        compared++;
                    }
                }
            }
        }

        compared.Should().Be(16 * Enum.GetValues<ListingState>().Length * 3 * Enum.GetValues<SellerStatus>().Length);
    }

    private static SqlAnswers SqlPart(Answers answers) =>
        new(answers.CrossBorder, answers.ClosureApplies, answers.RuleChangeCandidate, answers.TakenDownByAdmin);

    private static Answers InCSharp(Row row, ListingState state, SuspensionSource? suspendedBy, SellerStatus sellerStatus)
    {
        var closureApplies = PlacedListings.ClosureAppliesTo(row.SellerOrigin, row.ProductOrigin, !row.Verified);
        return new Answers(
            PlacedListings.IsCrossBorder(row.SellerOrigin, row.ProductOrigin),
            !PlacedListings.IsCrossBorder(row.SellerOrigin, row.ProductOrigin),
            closureApplies,
            PlacedListings.IsRuleChangeCandidate(state, suspendedBy),
            PlacedListings.IsTakenDownByAdmin(state, suspendedBy),
            PlacedListings.IsVisible(state, sellerStatus, closureApplies, row.ClusterClosed));
    }

    private Task<Dictionary<long, Answers>> InEfAsync(long[] ids) =>
        _scenario.WithDbAsync(async db =>
        {
            var placed = db.PlacedListings.Where(p => ids.Contains(p.Listing.Id));
            var crossBorder = await IdsAsync(placed.Where(PlacedListings.CrossBorder));
            var local = await IdsAsync(placed.Where(PlacedListings.Local));
            var closure = await IdsAsync(placed.Where(PlacedListings.ClosureApplies));
            var candidate = await IdsAsync(placed.Where(PlacedListings.RuleChangeCandidate));
            var takenDown = await IdsAsync(placed.Where(PlacedListings.TakenDownByAdmin));
            var visible = await IdsAsync(db.VisibleListingsAt(_scenario.Now).Where(p => ids.Contains(p.Listing.Id)));
            return ids.ToDictionary(id => id, id => new Answers(
                crossBorder.Contains(id), local.Contains(id), closure.Contains(id), candidate.Contains(id), takenDown.Contains(id), visible.Contains(id)));
        });

    private Task<Dictionary<long, SqlAnswers>> InSqlAsync(long[] ids) =>
        _scenario.WithDbAsync(async db =>
        {
            var rows = await db.Database.SqlQueryRaw<SqlRow>(SqlForms, new Npgsql.NpgsqlParameter("ids", ids)).ToListAsync();
            return rows.ToDictionary(r => r.Id, r => new SqlAnswers(r.CrossBorder, r.ClosureApplies, r.RuleChangeCandidate, r.TakenDownByAdmin));
        });

    private static async Task<HashSet<long>> IdsAsync(IQueryable<PlacedListing> listings) => [.. await listings.Select(p => p.Listing.Id).ToListAsync()];

    /// <summary>Two product origins for each of four shops (two origins, verified or not), in a closed cluster and an open one.</summary>
    private async Task<List<Row>> CreateRowsAsync()
    {
        var closed = await _scenario.ClusterIdAsync(ReferenceCatalog.Toys);
        await _scenario.RulesAsync(r => r.BlockClusterAsync(closed, null, "Tabel kebenaran", "admin-truth-table"));
        var rows = new List<Row>();
        foreach (var sellerOrigin in Enum.GetValues<SellerOrigin>())
        {
            foreach (var verified in new[] { true, false })
            {
                var seller = await _scenario.CreateSellerAsync(sellerOrigin, "CN", verified);
                await _scenario.WithDbAsync(db => db.Sellers.Where(s => s.Id == seller).ExecuteUpdateAsync(u => u.SetProperty(s => s.VerifiedAt, verified ? _scenario.Now : (DateTimeOffset?)null)));
                foreach (var productOrigin in Enum.GetValues<ProductOrigin>())
                {
                    foreach (var (slug, inClosed) in new[] { ("puzzle-edukasi", true), (PolicyScenario.Smartphones, false) })
                    {
                        var id = await _scenario.CreateDraftAsync(seller, slug, $"Barang uji {rows.Count + 1}", origin: productOrigin, withPhoto: false);
                        rows.Add(new Row(id, sellerOrigin, productOrigin, verified, inClosed));
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>A row of the SQL forms, shaped for <c>SqlQueryRaw</c>.</summary>
    private sealed class SqlRow
    {
        public long Id { get; init; }

        public bool CrossBorder { get; init; }

        public bool ClosureApplies { get; init; }

        public bool RuleChangeCandidate { get; init; }

        public bool TakenDownByAdmin { get; init; }
    }
}

using System.Text;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;

namespace Marketplace.Web.Tests.Admin;

/// <summary>The audit trail: decisions and admin actions filtered from the URL, paged, and exported as CSV that no spreadsheet runs.</summary>
public sealed class AuditTrailTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    private HashSet<int> _closedClusters = [];

    public async Task InitializeAsync() => _closedClusters = await _scenario.ClosedClustersAsync();

    public Task DisposeAsync() => _scenario.RestoreClustersAsync(_closedClusters);

    [Fact]
    public async Task The_csv_export_holds_the_admin_actions_and_neutralises_formula_cells()
    {
        var toys = await _scenario.ClusterIdAsync(ReferenceCatalog.Toys);
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var evil = await _scenario.CreatePublishedAsync(seller, "puzzle-edukasi", "=HYPERLINK(\"http://evil.example\",\"klik\")", ProductOrigin.Imported);
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var preview = await FormPost.ParseAsync(await client.SubmitAsync(
            await client.GetDocumentAsync($"/Admin/Clusters/Change?id={toys}"), "#change-form", new Dictionary<string, string> { ["Input.Reason"] = "-1 bukan rumus; @admin" }));
        await client.FollowAsync(await client.SubmitAsync(preview, "#preview form"));

        using var actions = await client.GetAsync("/Admin/Audit?tab=Actions&handler=Export");
        using var decisions = await client.GetAsync($"/Admin/Audit?handler=Export&sellerId={seller}");

        actions.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        actions.Content.Headers.ContentDisposition!.FileName.Should().Contain("admin-actions");
        var actionBytes = await actions.Content.ReadAsByteArrayAsync();
        actionBytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel reads UTF-8 only with a byte order mark");
        var actionCsv = Encoding.UTF8.GetString(actionBytes.AsSpan(3));
        actionCsv.Should().StartWith("action_id,at_utc,at_wib,kind,actor_email");
        actionCsv.Should().Contain(",ClusterBlocked,").And.Contain(",TOYS,").And.Contain("'-1 bukan rumus; @admin");

        var decisionCsv = Encoding.UTF8.GetString((await decisions.Content.ReadAsByteArrayAsync()).AsSpan(3));
        var lines = decisionCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3, "a header and the listing's two decisions: published, then taken down");
        lines.Skip(1).Should().OnlyContain(l => l.Contains($",{evil},\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\","));
        decisionCsv.Should().NotContain(",=HYPERLINK");
        await _scenario.RulesAsync(r => r.OpenClusterAsync(toys, "Selesai", "test"));
    }

    [Fact]
    public async Task Decisions_are_filtered_by_the_url_and_paged_newest_first()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "TH");
        var ids = new List<long>();
        for (var i = 0; i < 55; i++)
        {
            ids.Add(await _scenario.CreatePublishedAsync(seller, PolicyScenario.Smartphones, $"Smartphone Seri {i}", ProductOrigin.Imported));
        }

        var client = await AdminPages.AdminClientAsync(fixture.App);
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var first = await client.GetDocumentAsync($"/Admin/Audit?sellerId={seller}&outcome=Allowed&trigger=SellerPublish&from={today}&to={today}");

        first.QuerySelector("main p")!.TextContent.Should().Contain("55");
        var firstRows = first.QuerySelectorAll("#audit-rows tbody tr").ToList();
        firstRows.Should().HaveCount(50);
        firstRows[0].TextContent.Should().Contain("Smartphone Seri 54");
        var next = first.QuerySelector("#next-page")!.GetAttribute("href")!;
        next.Should().Contain($"sellerId={seller}").And.Contain("outcome=Allowed").And.Contain("after=");

        var second = await client.GetDocumentAsync(next);

        second.QuerySelectorAll("#audit-rows tbody tr").Select(r => r.TextContent).Should().HaveCount(5).And.Contain(t => t.Contains("Smartphone Seri 0"));
        second.QuerySelector("#next-page").Should().BeNull();
        var blocked = await client.GetDocumentAsync($"/Admin/Audit?sellerId={seller}&outcome=Blocked");
        blocked.QuerySelectorAll("#audit-rows tbody tr").Should().BeEmpty();
    }
}

using System.Net;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Features.Admin.Clusters;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Marketplace.Web.Tests.Admin;

/// <summary>Closing and opening clusters from the console: preview, reason, schedule, confirmation, history and the admin action.</summary>
public sealed class ClusterConsoleTests(ClusterConsoleTests.Fixture fixture) : IClassFixture<ClusterConsoleTests.Fixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task Blocking_through_the_console_suspends_exactly_the_previewed_listings_and_opening_restores_exactly_those()
    {
        var household = await _scenario.ClusterIdAsync(ReferenceCatalog.Household);
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var other = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "VN");
        var local = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        long[] crossBorder =
        [
            await _scenario.CreatePublishedAsync(foreign, "botol-minum", "Botol Minum Lipat", ProductOrigin.Imported),
            await _scenario.CreatePublishedAsync(foreign, "wadah-plastik", "Kotak Makan Kedap", ProductOrigin.Imported),
            await _scenario.CreatePublishedAsync(other, "botol-minum", "Tumbler Baja 600 ml", ProductOrigin.Imported),
        ];
        var localBottle = await _scenario.CreatePublishedAsync(local, "botol-minum", "Botol Bambu Garut");
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var url = $"/Admin/Clusters/Change?id={household}";

        using var previewResponse = await client.SubmitAsync(await client.GetDocumentAsync(url), "#change-form", new Dictionary<string, string> { ["Input.Reason"] = "Perlindungan UMKM peralatan rumah" });
        var preview = await FormPost.ParseAsync(previewResponse);

        preview.Effect("#preview", "suspended").Should().Be(3);
        preview.Effect("#preview", "sellers").Should().Be(2);
        preview.QuerySelectorAll("#preview .effect-sample tbody tr").Select(r => r.QuerySelector("td")!.TextContent)
            .Should().BeEquivalentTo(["Botol Minum Lipat", "Kotak Makan Kedap", "Tumbler Baja 600 ml"]);
        (await _scenario.ListingAsync(crossBorder[0])).State.Should().Be(ListingState.Published, "a preview changes nothing");

        using var confirmed = await client.SubmitAsync(preview, "#preview form");
        var result = await client.FollowAsync(confirmed);

        result.Effect("#result", "suspended").Should().Be(preview.Effect("#preview", "suspended"));
        foreach (var id in crossBorder)
        {
            (await _scenario.ListingAsync(id)).Should().Match<Listing>(l => l.State == ListingState.Suspended && l.SuspendedBy == SuspensionSource.Policy);
        }

        (await _scenario.ListingAsync(localBottle)).State.Should().Be(ListingState.Published);
        result.QuerySelector("#cluster-state")!.TextContent.Should().Contain("Ditutup sejak").And.Contain("WIB");
        var blocked = await _scenario.WithDbAsync(db => db.AdminActions.AsNoTracking().SingleAsync(a => a.ClusterId == household && a.Kind == AdminActionKind.ClusterBlocked));
        blocked.Reason.Should().Be("Perlindungan UMKM peralatan rumah");
        blocked.ActorEmail.Should().StartWith("admin");
        blocked.Details.Should().Contain("suspended=3");
        (await _scenario.DecisionsAsync(crossBorder[0])).Last().Actor.Should().Be(blocked.ActorEmail);

        using var openPreviewResponse = await client.SubmitAsync(await client.GetDocumentAsync(url), "#change-form", new Dictionary<string, string> { ["Input.Reason"] = "Kajian selesai" });
        var openPreview = await FormPost.ParseAsync(openPreviewResponse);
        openPreview.Effect("#preview", "restored").Should().Be(3);
        var reopened = await client.FollowAsync(await client.SubmitAsync(openPreview, "#preview form"));

        reopened.Effect("#result", "restored").Should().Be(3);
        foreach (var id in crossBorder)
        {
            (await _scenario.ListingAsync(id)).State.Should().Be(ListingState.Published);
        }

        reopened.QuerySelectorAll("table tbody tr").Should().Contain(r => r.TextContent.Contains("Perlindungan UMKM peralatan rumah") && r.TextContent.Contains("Kajian selesai"), "the history shows the closure and its opening");
        (await _scenario.WithDbAsync(db => db.AdminActions.CountAsync(a => a.ClusterId == household && a.Kind == AdminActionKind.ClusterOpened))).Should().Be(1);
    }

    [Fact]
    public async Task The_counts_are_the_listings_a_closure_acts_on_live_or_taken_down_by_the_rules()
    {
        var toys = await _scenario.ClusterIdAsync(ReferenceCatalog.Toys);
        var before = await CountsAsync(toys);
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var unverified = await _scenario.CreateSellerAsync(SellerOrigin.Local, verified: false);
        var verified = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        await _scenario.CreatePublishedAsync(foreign, "puzzle-edukasi", "Puzzle Kayu Anak", ProductOrigin.Imported);
        await _scenario.CreatePublishedAsync(unverified, "puzzle-edukasi", "Congklak Kayu Jati");
        await _scenario.CreatePublishedAsync(verified, "puzzle-edukasi", "Gasing Bambu Tasik");
        var takenDown = await _scenario.CreatePublishedAsync(foreign, "puzzle-edukasi", "Balok Susun Warna", ProductOrigin.Imported);
        await _scenario.WithDbAsync(db => db.Listings.Where(l => l.Id == takenDown).ExecuteUpdateAsync(u => u
            .SetProperty(l => l.State, ListingState.Suspended)
            .SetProperty(l => l.SuspendedBy, SuspensionSource.Admin)
            .SetProperty(l => l.StateNote, "Perintah regulator")));

        var after = await CountsAsync(toys);

        (after.Live - before.Live).Should().Be(2, "a closure acts on the cross-border listing and on the shop not yet verified as local, as the policy does");
        (after.TakenDown - before.TakenDown).Should().Be(0, "an admin's take-down is not the rules' and no closure moves it");
    }

    [Fact]
    public async Task A_block_without_a_reason_is_refused_in_the_admin_s_language_and_keeps_what_was_typed()
    {
        var toys = await _scenario.ClusterIdAsync(ReferenceCatalog.Toys);
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var url = $"/Admin/Clusters/Change?id={toys}";

        using var response = await client.SubmitAsync(await client.GetDocumentAsync(url), "#change-form", new Dictionary<string, string>
        {
            ["Input.Reason"] = " ",
            ["Input.StartsAt"] = "2030-01-02T08:30",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await FormPost.ParseAsync(response);
        page.QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent.Should().Contain("Alasan wajib diisi");
        page.QuerySelector("input[name='Input.StartsAt']")!.GetAttribute("value").Should().Be("2030-01-02T08:30");
        page.QuerySelector("#preview").Should().BeNull();
        (await _scenario.WithDbAsync(db => db.ClusterBlocks.CountAsync(b => b.ClusterId == toys))).Should().Be(0);
    }

    [Fact]
    public async Task A_block_scheduled_in_wib_waits_for_its_instant_and_then_acts_by_itself()
    {
        var automotive = await _scenario.ClusterIdAsync(ReferenceCatalog.Automotive);
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "JP");
        var listing = await _scenario.CreatePublishedAsync(seller, "suku-cadang-motor", "Kampas Rem Cakram", ProductOrigin.Imported);
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var url = $"/Admin/Clusters/Change?id={automotive}";
        var instant = _scenario.Now.AddHours(2);
        var wib = instant.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        using var previewResponse = await client.SubmitAsync(await client.GetDocumentAsync(url), "#change-form", new Dictionary<string, string>
        {
            ["Input.Reason"] = "Penutupan bertahap tahap dua",
            ["Input.StartsAt"] = wib,
        });
        var preview = await FormPost.ParseAsync(previewResponse);
        preview.Effect("#preview", "suspended").Should().Be(1, "the preview shows what the closure will take down when it acts");
        var result = await client.FollowAsync(await client.SubmitAsync(preview, "#preview form"));

        result.QuerySelector("#cluster-state")!.TextContent.Should().Contain("Dijadwalkan").And.Contain("WIB");
        var block = await _scenario.WithDbAsync(db => db.ClusterBlocks.AsNoTracking().SingleAsync(b => b.ClusterId == automotive));
        block.StartsAt.Should().BeCloseTo(instant, TimeSpan.FromMinutes(1), "what the admin typed in WIB is stored as the same instant in UTC");
        block.StartsAt.Offset.Should().Be(TimeSpan.Zero);
        (await _scenario.ListingAsync(listing)).State.Should().Be(ListingState.Published);
        (await _scenario.WithDbAsync(db => db.AdminActions.SingleAsync(a => a.ClusterId == automotive))).Kind.Should().Be(AdminActionKind.ClusterBlockScheduled);

        fixture.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await Eventually.WaitForAsync(async () => (await _scenario.ListingAsync(listing)).State, s => s == ListingState.Suspended, "the scheduled block's sweep");
        (await _scenario.DecisionsAsync(listing)).Last().Trigger.Should().Be(DecisionTrigger.ScheduledBlock);
    }

    [Fact]
    public async Task A_new_cluster_is_added_open_and_listed_with_its_counts()
    {
        var client = await AdminPages.AdminClientAsync(fixture.App);

        using var created = await client.SubmitFormAsync("/Admin/Clusters", new Dictionary<string, string>
        {
            ["Input.Code"] = "furniture",
            ["Input.NameId"] = "Mebel",
            ["Input.NameEn"] = "Furniture",
        }, "form[action*=Create]");

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var list = await client.GetDocumentAsync("/Admin/Clusters");
        var row = list.QuerySelector("tr[data-cluster=FURNITURE]")!;
        row.TextContent.Should().Contain("Mebel").And.Contain("Terbuka");
        (await _scenario.WithDbAsync(db => db.AdminActions.CountAsync(a => a.Kind == AdminActionKind.ClusterCreated))).Should().Be(1);

        using var duplicate = await client.SubmitFormAsync("/Admin/Clusters", new Dictionary<string, string>
        {
            ["Input.Code"] = "FURNITURE",
            ["Input.NameId"] = "Mebel Lagi",
            ["Input.NameEn"] = "Furniture Again",
        }, "form[action*=Create]");
        (await FormPost.ParseAsync(duplicate)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("sudah dipakai");
    }

    [Fact]
    public async Task A_cluster_another_admin_adds_with_the_same_code_at_the_same_moment_is_refused_as_taken_not_a_500()
    {
        await using var otherAdmin = new NpgsqlConnection(fixture.App.ConnectionString);
        await otherAdmin.OpenAsync();
        var adding = await otherAdmin.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO clusters (code, name_id, name_en) VALUES ('GAMELAN', 'Gamelan', 'Gamelan')", otherAdmin, adding))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var client = await AdminPages.AdminClientAsync(fixture.App);
        var creating = client.SubmitFormAsync("/Admin/Clusters", new Dictionary<string, string>
        {
            ["Input.Code"] = "gamelan",
            ["Input.NameId"] = "Alat Musik Gamelan",
            ["Input.NameEn"] = "Gamelan Instruments",
        }, "form[action*=Create]");
        await Eventually.WaitForWaiterBehindAsync(otherAdmin);
        await adding.CommitAsync();

        using var refused = await creating;
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FormPost.ParseAsync(refused)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("sudah dipakai");
        (await _scenario.WithDbAsync(db => db.Clusters.CountAsync(c => c.Code == "GAMELAN"))).Should().Be(1);
    }

    private async Task<(int Live, int TakenDown)> CountsAsync(int clusterId)
    {
        using var scope = fixture.App.Services.CreateScope();
        var row = await scope.ServiceProvider.GetRequiredService<ClusterConsole>().FindAsync(clusterId, CancellationToken.None);
        return (row!.LiveUnderClosure, row.TakenDownByRules);
    }

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Policy:ScheduledBlockPollSeconds"] = "1" };
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Admin;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Enforcement;

/// <summary>A regulator's takedown request: the named listings come down at once through the policy, lines naming none are reported, deadlines run in WIB.</summary>
public sealed class TakedownTests(TakedownTests.Fixture fixture) : IClassFixture<TakedownTests.Fixture>
{
    private readonly EnforcementScenario _scenario = new(fixture.App);

    [Fact]
    public async Task A_request_with_a_line_naming_no_listing_takes_the_named_listings_down_is_partly_done_and_overdue_after_its_deadline()
    {
        var seller = await _scenario.Policy.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var serum = await _scenario.Policy.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone Tanpa Sertifikat Postel", ProductOrigin.Imported);
        var draft = await _scenario.Policy.CreateDraftAsync(seller, PolicyScenario.Smartphones, "Smartphone Rakitan", origin: ProductOrigin.Imported);
        (await _scenario.Policy.IsVisibleAsync(serum)).Should().BeTrue();
        var admin = await AdminPages.AdminClientAsync(fixture.App);

        var form = await admin.GetDocumentAsync("/Admin/Takedowns");
        using var recorded = await admin.SubmitAsync(form, "#takedown-form", new Dictionary<string, string>
        {
            ["Input.Body"] = nameof(RegulatorBody.Kominfo),
            ["Input.ReferenceNumber"] = "B-123/KOMINFO/2026",
            ["Input.LegalBasis"] = "PP 71/2019 Pasal 5",
            ["Input.Listings"] = $"https://pasarumkm.id/p/{serum}\n{draft}\nhttps://toko-lain.example/produk/999\n/p/{serum}",
            ["Input.DueAt"] = string.Empty,
        });
        var detail = await admin.FollowAsync(recorded);

        detail.QuerySelector("#takedown")!.GetAttribute("data-status").Should().Be(nameof(TakedownStatus.PartlyDone));
        detail.QuerySelectorAll("#takedown-lines tr[data-matched=false]").Should().ContainSingle()
            .Which.TextContent.Should().Contain("toko-lain.example").And.Contain("Tidak menunjuk produk");
        detail.QuerySelectorAll("#takedown-lines tr[data-matched=true]").Should().HaveCount(3, "each line is kept as the regulator wrote it");
        var received = fixture.Clock.GetUtcNow();
        detail.QuerySelector("#due")!.TextContent.Should().Contain("WIB")
            .And.Contain(received.AddHours(24).ToOffset(TimeSpan.FromHours(7)).ToString("g", CultureInfo.GetCultureInfo("id-ID")), "24 hours by default, shown in WIB");

        foreach (var listing in new[] { serum, draft })
        {
            var stored = await _scenario.Policy.ListingAsync(listing);
            stored.State.Should().Be(ListingState.Suspended);
            stored.SuspendedBy.Should().Be(SuspensionSource.Admin);
            stored.StateNote.Should().Contain("Kominfo B-123/KOMINFO/2026");
            var decision = (await _scenario.Policy.DecisionsAsync(listing)).Last();
            decision.Trigger.Should().Be(DecisionTrigger.AdminSuspension);
            decision.ReasonCodes.Should().Equal(ReasonCodes.RegulatorTakedown);
            decision.MessageId.Should().Contain("Kominfo").And.Contain("PP 71/2019");
        }

        (await _scenario.Policy.IsVisibleAsync(serum)).Should().BeFalse("the storefront no longer shows it");
        using (var page = await fixture.App.CreateBrowserClient().GetAsync($"/p/{serum}"))
        {
            page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        var notices = await _scenario.Policy.NotificationsAsync(seller);
        notices.Should().ContainSingle(n => n.Kind == SellerNotificationKind.ListingsSuspendedByAdmin)
            .Which.MessageId.Should().Contain("2 produk Anda diturunkan oleh admin").And.Contain("B-123/KOMINFO/2026");
        var actions = await _scenario.Policy.WithDbAsync(db => db.AdminActions.AsNoTracking().Where(a => a.Kind == AdminActionKind.TakedownRecorded || a.Kind == AdminActionKind.ListingTakenDown).ToListAsync());
        actions.Should().ContainSingle(a => a.Kind == AdminActionKind.TakedownRecorded).Which.Details.Should().Contain("unmatched=1").And.Contain("taken_down=2");
        actions.Where(a => a.Kind == AdminActionKind.ListingTakenDown).Select(a => a.ListingId).Should().BeEquivalentTo([serum, draft]);

        fixture.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var inbox = await admin.GetDocumentAsync("/Admin/Takedowns");
        inbox.QuerySelector("#takedowns tr[data-takedown]")!.GetAttribute("data-status").Should().Be(nameof(TakedownStatus.Overdue));
        inbox.QuerySelector("#takedowns tr[data-takedown]")!.TextContent.Should().Contain("Lewat tenggat").And.Contain("Kominfo B-123/KOMINFO/2026");
    }

    [Fact]
    public async Task A_request_whose_lines_all_name_listings_is_done_and_its_evidence_holds_each_listing_s_decisions_and_admin_actions()
    {
        var seller = await _scenario.Policy.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await _scenario.Policy.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone Ilegal IMEI", ProductOrigin.Imported);
        var admin = await AdminPages.AdminClientAsync(fixture.App);
        var form = await admin.GetDocumentAsync("/Admin/Takedowns");
        using var recorded = await admin.SubmitAsync(form, "#takedown-form", new Dictionary<string, string>
        {
            ["Input.Body"] = nameof(RegulatorBody.BeaCukai),
            ["Input.ReferenceNumber"] = "S-77/BC/2026",
            ["Input.LegalBasis"] = "UU 17/2006 tentang Kepabeanan",
            ["Input.Listings"] = listing.ToString(CultureInfo.InvariantCulture),
        });
        var detail = await admin.FollowAsync(recorded);
        detail.QuerySelector("#takedown")!.GetAttribute("data-status").Should().Be(nameof(TakedownStatus.Done));
        var csvLink = detail.QuerySelector("#evidence-csv")!.GetAttribute("href")!;
        var jsonLink = detail.QuerySelector("#evidence-json")!.GetAttribute("href")!;

        using var csv = await admin.GetAsync(csvLink);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var rows = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().StartWith("request_id,issuer,reference_number,listing_id");
        rows.Skip(1).Should().OnlyContain(r => r.Contains(",Bea Cukai,S-77/BC/2026," + listing + ",", StringComparison.Ordinal));
        rows.Should().Contain(r => r.Contains(",decision,", StringComparison.Ordinal) && r.Contains(",Allowed,", StringComparison.Ordinal) && r.Contains(",SellerPublish,", StringComparison.Ordinal));
        rows.Should().Contain(r => r.Contains(",decision,", StringComparison.Ordinal) && r.Contains(",Blocked,REGULATOR_TAKEDOWN,AdminSuspension,", StringComparison.Ordinal));
        rows.Should().Contain(r => r.Contains(",admin_action,", StringComparison.Ordinal) && r.Contains(",ListingTakenDown,", StringComparison.Ordinal));

        using var json = await admin.GetAsync(jsonLink);
        json.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var evidence = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        evidence.RootElement.GetProperty("request").GetProperty("row").GetProperty("referenceNumber").GetString().Should().Be("S-77/BC/2026");
        var entries = evidence.RootElement.GetProperty("listings").EnumerateArray().Single().GetProperty("entries").EnumerateArray().ToList();
        var decisions = await _scenario.Policy.DecisionsAsync(listing);
        entries.Where(e => e.GetProperty("record").GetString() == "decision").Select(e => e.GetProperty("id").GetInt64()).Should().BeEquivalentTo(decisions.Select(d => d.Id));
        entries.Should().Contain(e => e.GetProperty("what").GetString() == nameof(AdminActionKind.ListingTakenDown));

        var exports = await _scenario.Policy.WithDbAsync(db => db.AdminActions.AsNoTracking().Where(a => a.Kind == AdminActionKind.TakedownEvidenceExported).Select(a => a.Details!).ToListAsync());
        exports.Should().Contain(d => d.Contains("format=csv", StringComparison.Ordinal)).And.Contain(d => d.Contains("format=json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unmatched_line_given_the_listing_it_meant_takes_that_listing_down_and_the_request_is_done()
    {
        var seller = await _scenario.Policy.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var named = await _scenario.Policy.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone Tanpa IMEI Resmi", ProductOrigin.Imported);
        var meant = await _scenario.Policy.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone Replika Tanpa IMEI", ProductOrigin.Imported);
        var admin = await AdminPages.AdminClientAsync(fixture.App);
        var detail = await RecordAsync(admin, "B-9/KOMINFO/2026", $"{named}\nhttps://pasarumkm.id/produk/smartphone-replika");
        detail.QuerySelector("#takedown")!.GetAttribute("data-status").Should().Be(nameof(TakedownStatus.PartlyDone));

        using var unreadable = await admin.SubmitAsync(detail, "#takedown-lines form.match-line", new Dictionary<string, string> { ["listing"] = "smartphone replika" });
        var refused = await FormPost.ParseAsync(unreadable);
        unreadable.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.QuerySelector(".alert-danger")!.TextContent.Should().Contain("Tulis ID produk atau alamat halaman produknya");
        (await _scenario.Policy.IsVisibleAsync(meant)).Should().BeTrue("a refused correction takes nothing down");

        using var matched = await admin.SubmitAsync(refused, "#takedown-lines form.match-line", new Dictionary<string, string> { ["listing"] = $"https://pasarumkm.id/p/{meant}" });
        var after = await admin.FollowAsync(matched);

        after.QuerySelector("#result")!.TextContent.Should().Contain("Baris dicocokkan");
        after.QuerySelector("#takedown")!.GetAttribute("data-status").Should().Be(nameof(TakedownStatus.Done));
        after.QuerySelectorAll("#takedown-lines tr[data-matched=true]").Should().HaveCount(2);
        after.QuerySelector($"#takedown-lines tr[data-listing='{meant}']")!.TextContent.Should().Contain("https://pasarumkm.id/produk/smartphone-replika", "the line keeps the regulator's words");
        var stored = await _scenario.Policy.ListingAsync(meant);
        stored.State.Should().Be(ListingState.Suspended);
        stored.SuspendedBy.Should().Be(SuspensionSource.Admin);
        stored.StateNote.Should().Contain("Kominfo B-9/KOMINFO/2026");
        (await _scenario.Policy.IsVisibleAsync(meant)).Should().BeFalse();
        var actions = await _scenario.Policy.WithDbAsync(db => db.AdminActions.AsNoTracking().Where(a => a.ListingId == meant).Select(a => a.Kind).ToListAsync());
        actions.Should().Contain([AdminActionKind.TakedownLineMatched, AdminActionKind.ListingTakenDown]);
    }

    [Fact]
    public async Task A_withdrawn_request_has_its_listings_decided_again_unless_another_request_in_force_names_them()
    {
        var seller = await _scenario.Policy.CreateSellerAsync(SellerOrigin.Local);
        var live = await _scenario.Policy.CreatePublishedAsync(seller, PolicyScenario.Coffee, "Kopi Gayo Arabika 250 gr");
        var twice = await _scenario.Policy.CreatePublishedAsync(seller, PolicyScenario.Coffee, "Kopi Toraja Robusta 250 gr");
        var draft = await _scenario.Policy.CreateDraftAsync(seller, PolicyScenario.Coffee, "Kopi Kintamani 200 gr");
        var admin = await AdminPages.AdminClientAsync(fixture.App);
        await RecordAsync(admin, "R-1/KOMINFO/2026", twice.ToString(CultureInfo.InvariantCulture));
        var withdrawn = await RecordAsync(admin, "R-2/KOMINFO/2026", $"{live}\n{twice}\n{draft}");
        (await _scenario.Policy.ListingAsync(twice)).StateNote.Should().Contain("R-2/KOMINFO/2026", "a listing cites the newest request that took it down");
        (await _scenario.Policy.IsVisibleAsync(live)).Should().BeFalse();

        using var withoutReason = await admin.SubmitAsync(withdrawn, "#withdraw-form", new Dictionary<string, string> { ["reason"] = " " });
        (await FormPost.ParseAsync(withoutReason)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("Tulis alasan penarikan");
        (await _scenario.Policy.ListingAsync(live)).State.Should().Be(ListingState.Suspended, "a refused withdrawal lifts nothing");

        using var confirmed = await admin.SubmitAsync(withdrawn, "#withdraw-form", new Dictionary<string, string> { ["reason"] = "Surat Kominfo R-2/KOMINFO/2026/W: produk sudah terdaftar." });
        var after = await admin.FollowAsync(confirmed);

        after.QuerySelector("#takedown")!.GetAttribute("data-status").Should().Be(nameof(TakedownStatus.Withdrawn));
        after.QuerySelector("#withdrawal")!.TextContent.Should().Contain("produk sudah terdaftar").And.Contain("WIB");
        after.QuerySelector("#result")!.TextContent.Should().Contain("2 produk diputuskan ulang");
        after.QuerySelector("#withdraw-form").Should().BeNull("a request is withdrawn once");
        (await _scenario.Policy.ListingAsync(live)).State.Should().Be(ListingState.Published);
        (await _scenario.Policy.IsVisibleAsync(live)).Should().BeTrue("the rules allow it, so it is live again");
        (await _scenario.Policy.DecisionsAsync(live)).Last().Should().Match<PolicyDecision>(d => d.Trigger == DecisionTrigger.TakedownLifted && d.Outcome == PolicyOutcome.Allowed);
        (await _scenario.Policy.ListingAsync(draft)).State.Should().Be(ListingState.Draft, "a listing never published goes back to the seller as a draft");
        var stillOrdered = await _scenario.Policy.ListingAsync(twice);
        stillOrdered.State.Should().Be(ListingState.Suspended, "another request in force still names it");
        stillOrdered.StateNote.Should().Contain("R-1/KOMINFO/2026", "it now cites the request still in force, not the withdrawn one");
        (await _scenario.Policy.NotificationsAsync(seller)).Should().ContainSingle(n => n.Kind == SellerNotificationKind.ListingsRestoredByAdmin)
            .Which.MessageId.Should().Contain("Admin mencabut penurunan 2 produk Anda");
        var audit = await _scenario.Policy.WithDbAsync(db => db.AdminActions.AsNoTracking().SingleAsync(a => a.Kind == AdminActionKind.TakedownWithdrawn));
        audit.Reason.Should().Contain("produk sudah terdaftar");
        audit.Details.Should().Contain("decided_again=2").And.Contain("still_ordered=1");
    }

    [Fact]
    public async Task A_request_without_its_reference_or_listings_is_refused_with_a_message_and_takes_nothing_down()
    {
        var admin = await AdminPages.AdminClientAsync(fixture.App);
        var before = await _scenario.Policy.WithDbAsync(db => db.TakedownRequests.CountAsync());
        var form = await admin.GetDocumentAsync("/Admin/Takedowns");

        using var response = await admin.SubmitAsync(form, "#takedown-form", new Dictionary<string, string>
        {
            ["Input.Body"] = nameof(RegulatorBody.Bpom),
            ["Input.ReferenceNumber"] = " ",
            ["Input.LegalBasis"] = "UU 17/2023",
            ["Input.Listings"] = "123",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FormPost.ParseAsync(response)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("nomor surat");
        (await _scenario.Policy.WithDbAsync(db => db.TakedownRequests.CountAsync())).Should().Be(before);
    }

    [Theory]
    [InlineData("/Admin/Takedowns")]
    [InlineData("/Admin/Takedowns/Detail?id=1&handler=Evidence&format=json")]
    [InlineData("/Admin/Compliance")]
    [InlineData("/Admin/Compliance?handler=Export")]
    public async Task A_seller_is_refused_the_takedown_inbox_its_evidence_and_the_compliance_page(string url)
    {
        var email = $"seller.takedown.{Guid.NewGuid():N}@example.id";
        await TestUsers.CreateAsync(fixture.App, email, Roles.Seller);
        var client = await TestUsers.SignedInClientAsync(fixture.App, email);

        using var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<IHtmlDocument> RecordAsync(HttpClient admin, string reference, string listings)
    {
        var form = await admin.GetDocumentAsync("/Admin/Takedowns");
        using var recorded = await admin.SubmitAsync(form, "#takedown-form", new Dictionary<string, string>
        {
            ["Input.Body"] = nameof(RegulatorBody.Kominfo),
            ["Input.ReferenceNumber"] = reference,
            ["Input.LegalBasis"] = "PP 71/2019 Pasal 5",
            ["Input.Listings"] = listings,
        });
        return await admin.FollowAsync(recorded);
    }

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;
    }
}

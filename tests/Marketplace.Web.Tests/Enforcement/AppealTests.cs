using System.Globalization;
using System.Net;
using System.Text;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Domain;
using Marketplace.Web.Features.Admin.Sellers;
using Marketplace.Web.Features.Enforcement;
using Marketplace.Web.Tests.Admin;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Enforcement;

/// <summary>Appeals: sent with evidence, answered oldest first before a due time in WIB working days, upheld or granted through the policy.</summary>
public sealed class AppealTests(AppealTests.Fixture fixture) : IClassFixture<AppealTests.Fixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% Sertifikat TKDN 45%\n%%EOF\n");

    private readonly EnforcementScenario _scenario = new(fixture.App);
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task A_strike_appealed_with_evidence_and_granted_is_voided_and_the_seller_reads_the_answer()
    {
        var (seller, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        await _scenario.BlockedAttemptAsync(seller);
        var strike = (await _scenario.StrikeRowsAsync(seller)).Single();

        using (var sent = await AppealAsync(client, $"Strike:{strike.Id}", "Kain ini ditenun di Pekalongan.", ("tkdn.pdf", Pdf, "application/pdf")))
        {
            sent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var appeal = await AppealOfAsync(seller);
        appeal.Should().Match<Appeal>(a => a.Subject == AppealSubject.Strike && a.SubjectId == strike.Id && a.Status == AppealStatus.Open && a.Documents.Count == 1);
        appeal.DueAt.Should().Be(WorkingDays.Add(appeal.SubmittedAt, 3, Wib.Offset));

        var admin = await AdminPages.AdminClientAsync(fixture.App);
        var queue = await admin.GetDocumentAsync("/Admin/Appeals");
        queue.QuerySelector($"#appeal-queue tr[data-appeal='{appeal.Id}']").Should().NotBeNull();
        var stored = appeal.Documents.Single().StoredName;
        (await admin.GetByteArrayAsync($"/Admin/Appeals/Detail?id={appeal.Id}&handler=Document&name={stored}")).Should().Equal(Pdf);
        await DecideAsync(admin, appeal.Id, "Grant", "Bukti TKDN diterima; pelanggaran dibatalkan.");

        (await AppealOfAsync(seller)).Status.Should().Be(AppealStatus.Granted);
        (await _scenario.StrikesAsync(seller)).Active.Should().Be(0);
        var page = await client.GetDocumentAsync("/Seller/Appeals");
        page.QuerySelector($"li[data-appeal='{appeal.Id}']")!.TextContent.Should().Contain("Dikabulkan").And.Contain("Bukti TKDN diterima");
        var kinds = await _scenario.Policy.WithDbAsync(db => db.AdminActions.AsNoTracking().Where(a => a.SellerId == seller).Select(a => a.Kind).ToListAsync());
        kinds.Should().Contain([AdminActionKind.AppealSubmitted, AdminActionKind.AppealGranted, AdminActionKind.StrikeVoided]);
    }

    [Fact]
    public async Task Granting_an_appeal_against_a_rejection_after_review_decides_the_listing_again_without_the_keyword_rule()
    {
        var (seller, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "MY");
        var listing = await _scenario.HeldForReviewAsync(seller, "Casing HP Motif Batik Parang");
        await _scenario.RejectAsync(listing, "Terlihat seperti kain batik.", EnforcementScenario.Admin);
        (await _scenario.StrikesAsync(seller)).Active.Should().Be(1);

        (await AppealAsync(client, $"ListingRejection:{listing}", "Ini casing plastik bermotif batik, bukan kain.")).Dispose();
        await DecideAsync(await AdminPages.AdminClientAsync(fixture.App), (await AppealOfAsync(seller)).Id, "Grant", "Benar, ini casing.");

        (await _scenario.Policy.ListingAsync(listing)).State.Should().Be(ListingState.Published);
        (await _scenario.Policy.DecisionsAsync(listing)).Last().Should().Match<PolicyDecision>(d => d.Trigger == DecisionTrigger.AppealGranted && d.Outcome == PolicyOutcome.Allowed);
        (await _scenario.StrikesAsync(seller)).Active.Should().Be(0, "the strike for the confirmed misclassification falls with it");
    }

    [Fact]
    public async Task Granting_an_appeal_against_a_regulator_s_takedown_lifts_it_and_the_rules_decide_the_listing_again()
    {
        var (seller, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var listing = await _scenario.Policy.CreatePublishedAsync(seller, PolicyScenario.Coffee, "Kopi Gayo Wine Process 200 gr");
        var form = new TakedownForm
        {
            Body = RegulatorBody.Bpom,
            ReferenceNumber = "T-5/BPOM/2026",
            LegalBasis = "Peraturan BPOM 22/2023",
            Listings = listing.ToString(CultureInfo.InvariantCulture),
        };
        await _scenario.WithAsync<TakedownInbox, long>(inbox => inbox.RecordAsync(form, EnforcementScenario.Admin, CancellationToken.None));
        (await _scenario.Policy.IsVisibleAsync(listing)).Should().BeFalse();

        (await AppealAsync(client, $"ListingSuspension:{listing}", "Produk ini sudah punya izin edar BPOM MD 123456789.")).Dispose();
        await DecideAsync(await AdminPages.AdminClientAsync(fixture.App), (await AppealOfAsync(seller)).Id, "Grant", "Izin edar terverifikasi.");

        (await AppealOfAsync(seller)).Status.Should().Be(AppealStatus.Granted);
        (await _scenario.Policy.ListingAsync(listing)).State.Should().Be(ListingState.Published);
        (await _scenario.Policy.IsVisibleAsync(listing)).Should().BeTrue();
        (await _scenario.Policy.DecisionsAsync(listing)).Last().Should().Match<PolicyDecision>(d => d.Trigger == DecisionTrigger.TakedownLifted && d.Outcome == PolicyOutcome.Allowed);
    }

    [Fact]
    public async Task Upholding_changes_nothing_and_the_seller_reads_the_note()
    {
        var (seller, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "TH");
        var listing = await _scenario.HeldForReviewAsync(seller, "Casing HP Kebaya Modern");

        (await AppealAsync(client, $"ReviewHold:{listing}", "Hanya gambar kebaya di casing.")).Dispose();
        await DecideAsync(await AdminPages.AdminClientAsync(fixture.App), (await AppealOfAsync(seller)).Id, "Uphold", "Menunggu tinjauan biasa.");

        (await _scenario.Policy.ListingAsync(listing)).State.Should().Be(ListingState.PendingReview);
        (await AppealOfAsync(seller)).Status.Should().Be(AppealStatus.Upheld);
        (await client.GetDocumentAsync("/Seller/Appeals")).QuerySelector("#appeals")!.TextContent.Should().Contain("Menunggu tinjauan biasa.");
        (await _scenario.Policy.NotificationsAsync(seller)).Should().Contain(n => n.Kind == SellerNotificationKind.AppealDecided);
    }

    [Fact]
    public async Task A_subject_has_one_open_appeal_at_a_time()
    {
        var (seller, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await _scenario.BlockedAttemptAsync(seller, "Sarung Tenun Impor");
        (await AppealAsync(client, $"ListingRejection:{listing}", "Pertama.")).Dispose();

        using var second = await AppealAsync(client, $"ListingRejection:{listing}", "Kedua.");

        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FormPost.ParseAsync(second)).QuerySelector(".text-danger, .alert-danger")!.TextContent.Should().NotBeEmpty();
        var open = await _scenario.Policy.WithDbAsync(db => db.Appeals.CountAsync(a => a.SellerId == seller && a.Status == AppealStatus.Open));
        open.Should().Be(1);
        var duplicate = () => _scenario.Policy.WithDbAsync(async db =>
        {
            db.Appeals.Add(new Appeal(seller, AppealSubject.ListingRejection, listing, listing, "Lewat jalan lain.", _scenario.Policy.Now, _scenario.Policy.Now.AddDays(3)));
            return await db.SaveChangesAsync();
        });
        await duplicate.Should().ThrowAsync<DbUpdateException>("the unique partial index keeps one open appeal per subject");
    }

    [Fact]
    public async Task Evidence_is_checked_by_content_and_another_shop_cannot_read_it()
    {
        var (seller, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await _scenario.BlockedAttemptAsync(seller, "Kebaya Brokat Impor");

        using (var refused = await AppealAsync(client, $"ListingRejection:{listing}", "Lihat lampiran.", ("faktur.pdf", Encoding.ASCII.GetBytes("MZ not a pdf"), "application/pdf")))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.OK);
            (await FormPost.ParseAsync(refused)).QuerySelector("[data-valmsg-for=Documents]")!.TextContent.Should().NotBeEmpty();
        }

        (await AppealAsync(client, $"ListingRejection:{listing}", "Lihat lampiran.", ("faktur.pdf", Pdf, "application/pdf"))).Dispose();
        var stored = (await AppealOfAsync(seller)).Documents.Single().StoredName;
        (await client.GetByteArrayAsync($"/Seller/Appeals?handler=Document&name={stored}")).Should().Equal(Pdf);

        var (_, other) = await _portal.SellerAsync(SellerOrigin.Local);
        using var stranger = await other.GetAsync($"/Seller/Appeals?handler=Document&name={stored}");
        stranger.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_suspended_shop_appeals_its_suspension_and_granting_reinstates_it()
    {
        var (seller, email) = await _scenario.Policy.CreateSellerWithLoginAsync(SellerOrigin.CrossBorder, "VN");
        await _scenario.WithAsync<SellerConsole, Marketplace.Web.Features.Policy.RedecisionSummary>(s => s.SuspendAsync(seller, "Dokumen palsu.", EnforcementScenario.Admin, CancellationToken.None));
        var signedIn = await TestUsers.SignedInClientAsync(fixture.App, email);

        (await AppealAsync(signedIn, $"ShopSuspension:{seller}", "Dokumen kami asli; lihat NIB.")).Dispose();
        await DecideAsync(await AdminPages.AdminClientAsync(fixture.App), (await AppealOfAsync(seller)).Id, "Grant", "Dokumen sudah dicek ulang.");

        (await _scenario.ShopAsync(seller)).Status.Should().Be(SellerStatus.Active);
    }

    [Fact]
    public async Task An_appeal_past_its_due_time_is_marked_overdue_in_the_queue()
    {
        var (seller, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await _scenario.BlockedAttemptAsync(seller, "Keripik Impor");
        (await AppealAsync(client, $"ListingRejection:{listing}", "Ini keripik lokal.")).Dispose();
        var appeal = await AppealOfAsync(seller);
        var admin = await AdminPages.AdminClientAsync(fixture.App);
        (await admin.GetDocumentAsync("/Admin/Appeals")).QuerySelector($"tr[data-appeal='{appeal.Id}'] .appeal-overdue").Should().BeNull();

        fixture.Clock.Advance(appeal.DueAt - fixture.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));

        (await admin.GetDocumentAsync("/Admin/Appeals")).QuerySelector($"tr[data-appeal='{appeal.Id}'] .appeal-overdue").Should().NotBeNull();
    }

    private static Task<HttpResponseMessage> AppealAsync(HttpClient client, string subject, string statement, params (string FileName, byte[] Content, string ContentType)[] files) =>
        SellerPortal.PostMultipartAsync(
            client, "/Seller/Appeals", "/Seller/Appeals",
            new Dictionary<string, string> { ["Input.Subject"] = subject, ["Input.Statement"] = statement },
            files.Select(f => ("Documents", f.FileName, f.Content, f.ContentType)));

    private static async Task DecideAsync(HttpClient admin, long appealId, string handler, string note)
    {
        var page = await admin.GetDocumentAsync($"/Admin/Appeals/Detail?id={appealId}");
        using var response = await admin.SubmitAsync(page, "#appeal-decision", new Dictionary<string, string> { ["Note"] = note }, submitter: $"#appeal-decision button[formaction*='handler={handler}']");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private Task<Appeal> AppealOfAsync(int sellerId) =>
        _scenario.Policy.WithDbAsync(db => db.Appeals.AsNoTracking().Include(a => a.Documents).Where(a => a.SellerId == sellerId).OrderByDescending(a => a.Id).FirstAsync());

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;
    }
}

using System.Net;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Verification;
using Marketplace.Web.Tests.Admin;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Marketplace.Web.Tests.Sellers.PhotoCopies;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Marketplace.Web.Tests.Verification;

/// <summary>
/// A shop asking to be local with an NIB is checked against the sandbox registry over HTTP within its own request: a
/// match verifies it through the admins' path, anything else waits for an admin with the mismatch as its reason.
/// </summary>
public sealed class AutomaticVerificationTests(SellerPortalFixture fixture, ITestOutputHelper output) : IClassFixture<SellerPortalFixture>
{
    private readonly RegistryDesk _desk = new(fixture.App);

    [Fact]
    public async Task A_shop_whose_active_NIB_matches_is_verified_within_seconds_and_its_waiting_batik_goes_live()
    {
        var (sellerId, storeName, client) = await _desk.LocalShopAsync();
        var batik = await _desk.Scenario.CreateDraftAsync(sellerId, PolicyScenario.Textile, "Kain Batik Tulis Trusmi");
        (await _desk.Scenario.PublishAsync(batik)).Verdict.ReasonCodes.Should().Equal(ReasonCodes.UnverifiedLocalOrigin);
        var nib = RegistryDesk.NextNib();
        await _desk.RegisterAsync(new BusinessRegistration(nib, $"CV. {storeName.ToUpperInvariant()}", "Dewi Lestari", ["13134"], "Provinsi Jawa Barat", Active: true));

        var (response, elapsed) = await RegistryDesk.SendNibAsync(client, nib);

        using (response)
        {
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        output.WriteLine($"Request with a matching NIB to verified shop: {elapsed.TotalMilliseconds:F0} ms (the whole HTTP request, registry lookup included)");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "an honest shop is verified within seconds");
        var shop = await _desk.ShopAsync(sellerId);
        shop.Verification.Should().Be(OriginVerification.Verified);
        shop.Origin.Should().Be(SellerOrigin.Local);
        var evidence = await _desk.EvidenceAsync(sellerId);
        evidence.Status.Should().Be(OriginVerification.Verified);
        evidence.DecidedBy.Should().Be(AutomaticVerification.Registry.Email);
        evidence.Findings.Should().BeEmpty();
        RegistryAnswerBody.Parse(evidence.RegistryAnswer)!.Registration()!.Kbli.Should().Equal("13134");

        (await _desk.Scenario.ListingAsync(batik)).State.Should().Be(ListingState.Published, "the verification released it through the policy");
        (await _desk.Scenario.DecisionsAsync(batik)).Last().Trigger.Should().Be(DecisionTrigger.OriginVerified);
        var audit = await _desk.Scenario.WithDbAsync(db => db.AdminActions.Where(a => a.SellerId == sellerId).OrderBy(a => a.Id).ToListAsync());
        audit.Select(a => a.Kind).Should().Equal(AdminActionKind.OriginVerificationRequested, AdminActionKind.SellerVerified);
        audit[^1].ActorEmail.Should().Be(AutomaticVerification.Registry.Email);
        (await _desk.Scenario.NotificationsAsync(sellerId)).Should().Contain(n => n.Kind == SellerNotificationKind.OriginVerified);

        var admin = await AdminPages.AdminClientAsync(fixture.App);
        (await admin.GetDocumentAsync("/Admin/Verification")).QuerySelector($"[data-evidence='{evidence.Id}']").Should().BeNull("only mismatches reach an admin");
        (await client.GetDocumentAsync("/Seller/Verification")).QuerySelector("#verification-state")!.GetAttribute("data-state").Should().Be("Verified");
    }

    public static TheoryData<VerificationFindingKind> Mismatches => new()
    {
        VerificationFindingKind.NibNotFound,
        VerificationFindingKind.NibInactive,
        VerificationFindingKind.NameMismatch,
        VerificationFindingKind.ProvinceMismatch,
        VerificationFindingKind.KbliNotCovering,
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public async Task Each_mismatch_sends_the_request_to_an_admin_with_it_as_the_reason_and_tells_the_seller_in_plain_words(VerificationFindingKind mismatch)
    {
        var (sellerId, storeName, client) = await _desk.LocalShopAsync();
        var batik = await _desk.Scenario.CreateDraftAsync(sellerId, PolicyScenario.Textile, "Kain Batik Cap Cirebon");
        await _desk.Scenario.PublishAsync(batik);
        var nib = RegistryDesk.NextNib();
        var matching = new BusinessRegistration(nib, storeName, "Dewi Lestari", ["14111"], "Jawa Barat", Active: true);
        var registered = mismatch switch
        {
            VerificationFindingKind.NibInactive => matching with { Active = false },
            VerificationFindingKind.NameMismatch => matching with { BusinessName = "PT Sinar Terang Abadi" },
            VerificationFindingKind.ProvinceMismatch => matching with { Province = "Jawa Timur" },
            VerificationFindingKind.KbliNotCovering => matching with { Kbli = ["62010"] },
            _ => null,
        };
        if (registered is not null)
        {
            await _desk.RegisterAsync(registered);
        }

        var (response, _) = await RegistryDesk.SendNibAsync(client, nib, owner: "Budi Santoso");
        response.Dispose();

        var evidence = await _desk.EvidenceAsync(sellerId);
        evidence.Status.Should().Be(OriginVerification.Pending);
        evidence.Findings.Select(f => f.Kind).Should().Equal(mismatch);
        (await _desk.ShopAsync(sellerId)).Verification.Should().Be(OriginVerification.Pending);
        (await _desk.Scenario.ListingAsync(batik)).State.Should().Be(ListingState.PendingReview);
        (await _desk.Scenario.WithDbAsync(db => db.AdminActions.AnyAsync(a => a.SellerId == sellerId && a.Kind == AdminActionKind.OriginVerificationReferred))).Should().BeTrue();

        var admin = await AdminPages.AdminClientAsync(fixture.App);
        var card = (await admin.GetDocumentAsync($"/Admin/Verification?reason={mismatch}")).QuerySelector($"[data-evidence='{evidence.Id}']");
        card.Should().NotBeNull();
        card!.QuerySelector($".reason[data-reason='{mismatch}']").Should().NotBeNull();
        var detail = await admin.GetDocumentAsync($"/Admin/Verification/Detail?id={evidence.Id}");
        detail.QuerySelector($"#findings [data-reason='{mismatch}']").Should().NotBeNull();

        var page = await client.GetDocumentAsync("/Seller/Verification");
        page.QuerySelector($"#verification-reasons [data-reason='{mismatch}']")!.TextContent.Should().NotBeNullOrWhiteSpace();
        page.QuerySelector("#verification-wait")!.TextContent.Should().Contain("2 hari kerja");
        var text = page.QuerySelector("main")!.TextContent;
        text.Should().NotContain(ReasonCodes.UnverifiedLocalOrigin).And.NotContain(mismatch.ToString()).And.NotContain(ClusterCodes.Textile);
        if (mismatch == VerificationFindingKind.NameMismatch)
        {
            text.Should().NotContain("Sinar Terang", "the registry's names are not told to whoever typed the NIB");
        }
    }

    [Fact]
    public async Task The_admin_queue_filters_by_reason()
    {
        var (movedId, movedName, moved) = await _desk.LocalShopAsync();
        var (closedId, closedName, closed) = await _desk.LocalShopAsync();
        var movedNib = RegistryDesk.NextNib();
        var closedNib = RegistryDesk.NextNib();
        await _desk.RegisterAsync(new BusinessRegistration(movedNib, movedName, "A", ["47111"], "Bali", Active: true));
        await _desk.RegisterAsync(new BusinessRegistration(closedNib, closedName, "B", ["47111"], "Jawa Barat", Active: false));
        (await RegistryDesk.SendNibAsync(moved, movedNib)).Response.Dispose();
        (await RegistryDesk.SendNibAsync(closed, closedNib)).Response.Dispose();
        var movedEvidence = (await _desk.EvidenceAsync(movedId)).Id;
        var closedEvidence = (await _desk.EvidenceAsync(closedId)).Id;
        var admin = await AdminPages.AdminClientAsync(fixture.App);

        var byProvince = await admin.GetDocumentAsync("/Admin/Verification?reason=ProvinceMismatch");
        var inactive = await admin.GetDocumentAsync("/Admin/Verification?reason=NibInactive");
        var all = await admin.GetDocumentAsync("/Admin/Verification");

        byProvince.QuerySelector($"[data-evidence='{movedEvidence}']").Should().NotBeNull();
        byProvince.QuerySelector($"[data-evidence='{closedEvidence}']").Should().BeNull();
        inactive.QuerySelector($"[data-evidence='{closedEvidence}']").Should().NotBeNull();
        inactive.QuerySelector($"[data-evidence='{movedEvidence}']").Should().BeNull();
        all.QuerySelectorAll("#verification-queue [data-evidence]").Select(e => e.GetAttribute("data-evidence")).Should().Contain([$"{movedEvidence}", $"{closedEvidence}"]);
        all.QuerySelector("#reason option[value='ProvinceMismatch']")!.TextContent.Should().Contain("Provinsi berbeda");
        (await admin.GetAsync("/Admin/Verification?reason=NoSuchReason")).StatusCode.Should().Be(HttpStatusCode.OK, "an unknown reason shows the whole queue, not an error");
    }

    [Fact]
    public async Task A_shop_sharing_its_NIB_with_a_cross_border_shop_goes_to_an_admin_with_the_link_even_when_the_registry_matches()
    {
        var nib = RegistryDesk.NextNib();
        var foreign = await _desk.Scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        await _desk.Scenario.WithDbAsync(async db =>
        {
            (await db.Sellers.SingleAsync(s => s.Id == foreign)).SetNib(nib);
            return await db.SaveChangesAsync();
        });
        var (sellerId, storeName, client) = await _desk.LocalShopAsync();
        await _desk.RegisterAsync(new BusinessRegistration(nib, storeName, "Andi", ["14111"], "Jawa Barat", Active: true));

        (await RegistryDesk.SendNibAsync(client, nib)).Response.Dispose();

        await ExpectFrontAsync(sellerId, client, SharedFact.Nib, foreign);
    }

    [Fact]
    public async Task A_shop_sharing_its_phone_with_a_suspended_shop_goes_to_an_admin_with_the_link_however_the_number_was_written()
    {
        var suspended = await _desk.Scenario.CreateSellerAsync(SellerOrigin.Local);
        await _desk.Scenario.WithDbAsync(async db =>
        {
            var seller = await db.Sellers.SingleAsync(s => s.Id == suspended);
            seller.SetContact("lama@example.id", "+62 812-7000-4242");
            return await db.SaveChangesAsync();
        });
        await _desk.Scenario.RulesAsync(r => r.SuspendSellerAsync(suspended, "Menjual barang impor sebagai lokal", "admin@example.id"));
        var (sellerId, storeName, client) = await _desk.LocalShopAsync(phone: "0812 7000 4242");
        var nib = RegistryDesk.NextNib();
        await _desk.RegisterAsync(new BusinessRegistration(nib, storeName, "Andi", ["14111"], "Jawa Barat", Active: true));

        (await RegistryDesk.SendNibAsync(client, nib)).Response.Dispose();

        await ExpectFrontAsync(sellerId, client, SharedFact.Phone, suspended);
    }

    [Fact]
    public async Task A_shop_re_using_a_refused_cross_border_listings_photo_goes_to_an_admin_and_its_photo_held_listing_stays_held()
    {
        var photo = GeneratedPhotos.Draw(731);
        var foreign = await _desk.Scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var refused = await _desk.Scenario.CreateDraftAsync(foreign, PolicyScenario.Textile, "Kain Batik Tulis", origin: ProductOrigin.Imported, photo: photo);
        (await _desk.Scenario.PublishAsync(refused)).Verdict.ReasonCodes.Should().Contain(ReasonCodes.ClusterBlocked);
        var (sellerId, storeName, client) = await _desk.LocalShopAsync();
        var held = await _desk.Scenario.CreateDraftAsync(sellerId, PolicyScenario.Textile, "Kain Batik Tulis Pekalongan", photo: GeneratedPhotos.Copies.Single(c => c.Name == "mirrored").Make(photo));
        (await _desk.Scenario.PublishAsync(held)).Verdict.ReasonCodes.Should().Equal(ReasonCodes.UnverifiedLocalOrigin, ReasonCodes.PhotoMatchesBannedListing);
        var nib = RegistryDesk.NextNib();
        await _desk.RegisterAsync(new BusinessRegistration(nib, storeName, "Andi", ["13134"], "Jawa Barat", Active: true));

        (await RegistryDesk.SendNibAsync(client, nib)).Response.Dispose();

        await ExpectFrontAsync(sellerId, client, SharedFact.ListingPhoto, foreign);
        (await _desk.Scenario.ListingAsync(held)).State.Should().Be(ListingState.PendingReview, "a photo shared with a refused cross-border listing is for an admin to judge");
    }

    [Fact]
    public async Task The_seller_never_reads_a_raw_reason_code_before_sending_evidence_or_on_a_held_listing()
    {
        var (sellerId, _, client) = await _desk.LocalShopAsync();
        var batik = await _desk.Scenario.CreateDraftAsync(sellerId, PolicyScenario.Textile, "Kain Batik Tulis Lasem");
        await _desk.Scenario.PublishAsync(batik);

        var verification = (await client.GetDocumentAsync("/Seller/Verification")).QuerySelector("main")!.TextContent;
        var listing = (await client.GetDocumentAsync($"/Seller/Listings/Edit/{batik}")).QuerySelector("#listing-status")!.TextContent;

        verification.Should().NotContain(ReasonCodes.UnverifiedLocalOrigin).And.Contain("otomatis");
        listing.Should().NotContain(ReasonCodes.UnverifiedLocalOrigin).And.Contain("Verifikasi asal");
    }

    [Fact]
    public async Task A_registry_answer_with_a_wrong_signature_is_not_trusted()
    {
        var answer = System.Text.Json.JsonSerializer.Serialize(RegistryAnswerBody.Of("7000000000001", new BusinessRegistration("7000000000001", "X", "Y", ["47111"], "Bali", true), _desk.Scenario.Now));

        RegistryAnswerBody.HasValidSignature(answer, RegistryAnswerBody.Sign(answer, "another-secret"), "sandbox-registry-secret-testing").Should().BeFalse();
        RegistryAnswerBody.HasValidSignature(answer, RegistryAnswerBody.Sign(answer, "sandbox-registry-secret-testing"), "sandbox-registry-secret-testing").Should().BeTrue();
        using var anonymous = fixture.App.CreateClient();
        using var lookup = await anonymous.GetAsync(HttpBusinessRegistry.LookupPath + "7000000000001");
        lookup.StatusCode.Should().Be(HttpStatusCode.NotFound);
        lookup.Headers.GetValues(RegistryAnswerBody.SignatureHeader).Single()
            .Should().Be(RegistryAnswerBody.Sign(await lookup.Content.ReadAsStringAsync(), "sandbox-registry-secret-testing"));
        (await anonymous.GetAsync(HttpBusinessRegistry.LookupPath + "123")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private async Task ExpectFrontAsync(int sellerId, HttpClient client, SharedFact fact, int linkedSellerId)
    {
        var evidence = await _desk.EvidenceAsync(sellerId);
        evidence.Status.Should().Be(OriginVerification.Pending, "a possible front is never verified automatically");
        evidence.Findings.Select(f => (f.Kind, f.Fact, f.LinkedSellerId)).Should().Equal((VerificationFindingKind.SharedWithRiskyShop, fact, linkedSellerId));

        var admin = await AdminPages.AdminClientAsync(fixture.App);
        (await admin.GetDocumentAsync("/Admin/Verification?reason=SharedWithRiskyShop")).QuerySelector($"[data-evidence='{evidence.Id}']").Should().NotBeNull();
        var finding = (await admin.GetDocumentAsync($"/Admin/Verification/Detail?id={evidence.Id}")).QuerySelector($"#findings [data-linked-seller='{linkedSellerId}']");
        finding.Should().NotBeNull();
        finding!.GetAttribute("data-fact").Should().Be(fact.ToString());
        finding.QuerySelector("a")!.GetAttribute("href").Should().Contain($"/Admin/Sellers/Detail").And.Contain($"{linkedSellerId}");

        var page = (await client.GetDocumentAsync("/Seller/Verification")).QuerySelector("main")!.TextContent;
        page.Should().NotContain(evidence.Findings.Single().Detail!, "the seller is not told which shop it was linked to");
    }
}

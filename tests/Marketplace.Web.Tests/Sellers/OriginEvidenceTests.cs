using System.Net;
using System.Text;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Admin;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>Origin is evidence, not a checkbox: only an admin's verification of uploaded evidence makes a shop local.</summary>
public sealed class OriginEvidenceTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% NIB 9120001234567\n%%EOF\n");

    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task A_cross_border_shop_that_saves_its_profile_as_local_still_cannot_publish_batik()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var shop = await _portal.ShopAsync(sellerId);

        using var saved = await client.SubmitFormAsync("/Seller/Shop", ShopFields(shop.Slug, "Local", "ID"));

        saved.StatusCode.Should().Be(HttpStatusCode.OK, "the form is shown again with the reason");
        (await FormPost.ParseAsync(saved)).QuerySelector("main")!.TextContent.Should().Contain("Verifikasi asal");
        (await _portal.ShopAsync(sellerId)).Origin.Should().Be(SellerOrigin.CrossBorder);
        var batik = await _portal.Scenario.CreateDraftAsync(sellerId, PolicyScenario.Textile, "Kemeja Batik Pria Lengan Panjang", origin: ProductOrigin.Local);
        (await _portal.Scenario.PublishAsync(batik)).State.Should().Be(ListingState.Rejected);
        (await _portal.Scenario.IsVisibleAsync(batik)).Should().BeFalse();
    }

    [Fact]
    public async Task A_shop_opened_as_local_waits_in_closed_clusters_until_an_admin_verifies_its_evidence_and_every_step_is_audited()
    {
        var (sellerId, email) = await _portal.Scenario.CreateSellerWithLoginAsync(SellerOrigin.Local, verified: false);
        var client = await TestUsers.SignedInClientAsync(fixture.App, email);
        var batik = await _portal.Scenario.CreateDraftAsync(sellerId, PolicyScenario.Textile, "Kain Batik Tulis Lasem");
        var fan = await _portal.Scenario.CreateDraftAsync(sellerId, "kipas-angin", "Kipas Angin Meja 12 inci");

        var held = await _portal.Scenario.PublishAsync(batik);
        (await _portal.Scenario.PublishAsync(fan)).State.Should().Be(ListingState.Published, "open clusters go live as usual");

        held.State.Should().Be(ListingState.PendingReview);
        held.Verdict.ReasonCodes.Should().Equal(ReasonCodes.UnverifiedLocalOrigin);
        (await _portal.Scenario.IsVisibleAsync(batik)).Should().BeFalse();
        (await client.GetDocumentAsync("/Seller/Verification")).QuerySelector("#verification-state")!.GetAttribute("data-state").Should().Be("NotRequested");

        using (var sent = await SendEvidenceAsync(client, ("nib.pdf", Pdf, "application/pdf")))
        {
            sent.StatusCode.Should().Be(HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());
        }

        (await _portal.ShopAsync(sellerId)).Verification.Should().Be(OriginVerification.Pending);
        var evidence = await _portal.Scenario.WithDbAsync(db => db.OriginEvidence.SingleAsync(e => e.SellerId == sellerId));
        var admin = await AdminPages.AdminClientAsync(fixture.App);
        (await admin.GetDocumentAsync("/Admin/Verification")).QuerySelector($"[data-evidence='{evidence.Id}']").Should().NotBeNull();

        using (var verified = await admin.SubmitFormAsync($"/Admin/Verification/Detail?id={evidence.Id}", new Dictionary<string, string>(), "form[action*='handler=Verify']"))
        {
            verified.StatusCode.Should().Be(HttpStatusCode.Redirect, await verified.Content.ReadAsStringAsync());
        }

        (await _portal.Scenario.ListingAsync(batik)).State.Should().Be(ListingState.Published, "the verification releases it through the policy");
        (await _portal.Scenario.IsVisibleAsync(batik)).Should().BeTrue();
        (await _portal.Scenario.DecisionsAsync(batik)).Last().Trigger.Should().Be(DecisionTrigger.OriginVerified);
        var audit = await _portal.Scenario.WithDbAsync(db => db.AdminActions.Where(a => a.SellerId == sellerId).OrderBy(a => a.Id).Select(a => a.Kind).ToListAsync());
        // The registry does not know this NIB, so the request was referred to an admin before the admin verified it.
        audit.Should().Equal(AdminActionKind.OriginVerificationRequested, AdminActionKind.OriginVerificationReferred, AdminActionKind.SellerVerified);
        (await _portal.Scenario.NotificationsAsync(sellerId)).Should().Contain(n => n.Kind == SellerNotificationKind.OriginVerified);
        (await client.GetDocumentAsync("/Seller/Verification")).QuerySelector("#verification-state")!.GetAttribute("data-state").Should().Be("Verified");
    }

    [Fact]
    public async Task Evidence_is_checked_by_content_readable_only_by_its_shop_and_admins_and_a_refusal_reaches_the_seller()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "MY");
        using (var fake = await SendEvidenceAsync(client, ("nib.pdf", Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "application/pdf")))
        {
            fake.StatusCode.Should().Be(HttpStatusCode.OK);
            (await FormPost.ParseAsync(fake)).QuerySelector("main")!.TextContent.Should().Contain("Hanya PDF, JPEG atau PNG");
        }

        using (var sent = await SendEvidenceAsync(client, ("nib.pdf", Pdf, "application/pdf")))
        {
            sent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var stored = await _portal.Scenario.WithDbAsync(db => db.OriginEvidence.Where(e => e.SellerId == sellerId).SelectMany(e => e.Documents).Select(d => d.StoredName).SingleAsync());
        (await client.GetByteArrayAsync($"/Seller/Verification?handler=Document&name={stored}")).Should().Equal(Pdf);
        var (_, stranger) = await _portal.SellerAsync(SellerOrigin.Local);
        (await stranger.GetAsync($"/Seller/Verification?handler=Document&name={stored}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var evidence = await _portal.Scenario.WithDbAsync(db => db.OriginEvidence.Where(e => e.SellerId == sellerId).Select(e => e.Id).SingleAsync());
        var admin = await AdminPages.AdminClientAsync(fixture.App);
        (await admin.GetByteArrayAsync($"/Admin/Verification/Detail?id={evidence}&handler=Document&name={stored}")).Should().Equal(Pdf);

        using (var refused = await admin.SubmitFormAsync($"/Admin/Verification/Detail?id={evidence}", new Dictionary<string, string> { ["Reason"] = "NIB tidak terdaftar di OSS" }, "form[action*='handler=Refuse']"))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var shop = await _portal.ShopAsync(sellerId);
        shop.Origin.Should().Be(SellerOrigin.CrossBorder);
        shop.Verification.Should().Be(OriginVerification.Refused);
        (await client.GetDocumentAsync("/Seller/Verification")).QuerySelector("#verification-reason")!.TextContent.Should().Contain("NIB tidak terdaftar di OSS");
        (await _portal.Scenario.WithDbAsync(db => db.AdminActions.AnyAsync(a => a.SellerId == sellerId && a.Kind == AdminActionKind.OriginVerificationRefused))).Should().BeTrue();
    }

    [Fact]
    public async Task A_move_to_cross_border_applies_at_once_and_is_audited()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var batik = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Textile, "Kain Batik Cap Pekalongan");

        using var saved = await client.SubmitFormAsync("/Seller/Shop", ShopFields((await _portal.ShopAsync(sellerId)).Slug, "CrossBorder", "SG"));

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _portal.Scenario.ListingAsync(batik)).State.Should().Be(ListingState.Suspended);
        (await _portal.ShopAsync(sellerId)).IsVerified.Should().BeFalse();
        (await _portal.Scenario.WithDbAsync(db => db.AdminActions.SingleAsync(a => a.SellerId == sellerId))).Kind.Should().Be(AdminActionKind.SellerOriginChanged);
    }

    private static Task<HttpResponseMessage> SendEvidenceAsync(HttpClient client, params (string Name, byte[] Content, string Type)[] files) =>
        SellerPortal.PostMultipartAsync(
            client,
            "/Seller/Verification",
            "/Seller/Verification",
            new Dictionary<string, string>
            {
                ["Input.Nib"] = "9120001234567",
                ["Input.Address"] = "Jl. Sidomukti No. 12",
                ["Input.City"] = "Lasem",
                ["Input.Province"] = "Jawa Tengah",
                ["Input.PostalCode"] = "59271",
            },
            files.Select(f => ("Documents", f.Name, f.Content, f.Type)));

    private static Dictionary<string, string> ShopFields(string slug, string origin, string country) => new()
    {
        ["Input.StoreName"] = "Toko Uji Asal",
        ["Input.Slug"] = slug,
        ["Input.Origin"] = origin,
        ["Input.CountryCode"] = country,
        ["Input.Province"] = "Jawa Tengah",
        ["Input.City"] = "Lasem",
        ["Input.Nib"] = string.Empty,
        ["Input.ContactEmail"] = "halo@asal.id",
        ["Input.ContactPhone"] = "0812-3456-7890",
    };
}

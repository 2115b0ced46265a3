using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Storefront;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>A cross-border seller learns of a closed cluster before filling the form, and a refusal says what to do next.</summary>
public sealed class RefusalsUpFrontTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task A_cross_border_sellers_category_picker_marks_the_closed_clusters_categories_with_the_reason_before_anything_is_typed()
    {
        var (_, email) = await _scenario.CreateSellerWithLoginAsync(SellerOrigin.CrossBorder, "CN");
        var client = await TestUsers.SignedInClientAsync(fixture.App, email);

        var form = await client.GetDocumentAsync("/Seller/Listings/Edit");

        var batik = form.QuerySelector($"select[name='Input.Category'] option[value='{PolicyScenario.Textile}']")!;
        batik.HasAttribute("disabled").Should().BeTrue("a closed category cannot be picked");
        batik.TextContent.Should().Contain("ditutup").And.Contain("Tekstil & Fesyen");
        form.QuerySelector($"select[name='Input.Category'] option[value='{PolicyScenario.Smartphones}']")!.HasAttribute("disabled").Should().BeFalse();
        form.QuerySelector("#closed-categories")!.TextContent.Should().Contain("Tekstil & Fesyen").And.Contain("Makanan & Minuman").And.Contain("Kerajinan");
    }

    [Fact]
    public async Task A_local_sellers_picker_closes_nothing()
    {
        var (_, email) = await _scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
        var client = await TestUsers.SignedInClientAsync(fixture.App, email);

        var form = await client.GetDocumentAsync("/Seller/Listings/Edit");

        form.QuerySelectorAll("select[name='Input.Category'] option[disabled]").Should().BeEmpty();
        form.QuerySelector("#closed-categories").Should().BeNull();
    }

    [Fact]
    public async Task A_refused_listing_offers_a_change_and_a_dispute_instead_of_publishing_and_the_notification_is_there_at_once()
    {
        var (seller, email) = await _scenario.CreateSellerWithLoginAsync(SellerOrigin.CrossBorder, "CN");
        var client = await TestUsers.SignedInClientAsync(fixture.App, email);
        var fields = SellerPortal.ListingFields(PolicyScenario.Textile, "Kain Batik Cap Impor Sogan");
        using var warned = await SellerPortal.PostListingAsync(client, "Publish", fields);
        var warning = await FormPost.ParseAsync(warned);
        fields["StrikeAccepted"] = "true";
        var refused = await SellerPortal.CreateAsync(client, "Publish", fields);
        (await _scenario.ListingAsync(refused)).State.Should().Be(ListingState.Rejected);
        warning.Text("#strike-warning").Should().Contain("dihitung sebagai pelanggaran").And.Contain("Tekstil & Fesyen").And.Contain("1 pelanggaran aktif");

        var page = await client.GetDocumentAsync($"/Seller/Listings/Edit/{refused}");

        page.QuerySelector("#listing-status #edit-refused")!.GetAttribute("href").Should().Be("#listing-form");
        page.QuerySelector("#listing-status [data-next-step=appeal]")!.GetAttribute("href").Should().Be($"/Seller/Appeals?subject=ListingRejection%3A{refused}");
        page.QuerySelector("#listing-status [data-next-step=verify]").Should().BeNull("a shop abroad has no local origin to prove");
        page.QuerySelector("#resubmit")!.TextContent.Should().Be("Simpan perubahan & periksa ulang");
        page.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).Should().NotContain("Tayangkan");

        var home = await client.GetDocumentAsync("/Seller");
        home.QuerySelector("#notifications")!.ParentElement!.ParentElement!.TextContent.Should().Contain("1 produk Anda ditolak").And.Contain("Tekstil & Fesyen");
        home.QuerySelector($"tr[data-listing='{refused}'] a")!.GetAttribute("href").Should().Be($"/Seller/Listings/Edit/{refused}");
        (await _scenario.NotificationsAsync(seller)).Should().ContainSingle(n => n.Kind == SellerNotificationKind.ListingsRejected);
    }

    [Fact]
    public async Task A_verified_local_shop_whose_imported_textile_is_refused_is_told_about_the_import_box_not_to_send_origin_evidence()
    {
        var (_, email) = await _scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
        var client = await TestUsers.SignedInClientAsync(fixture.App, email);
        var fields = SellerPortal.ListingFields(PolicyScenario.Textile, "Kain Tenun Impor India");
        fields["Input.Imported"] = "true";
        fields["StrikeAccepted"] = "true";
        var refused = await SellerPortal.CreateAsync(client, "Publish", fields);

        var page = await client.GetDocumentAsync($"/Seller/Listings/Edit/{refused}");

        (await _scenario.ListingAsync(refused)).State.Should().Be(ListingState.Rejected);
        page.QuerySelector("#listing-status [data-next-step=verify]").Should().BeNull();
        page.Text("#listing-status #advice").Should().Contain("Produk impor").And.NotContain("bukti asal");
        page.Text("#imported-help").Should().Contain("dibuat di luar negeri");
    }
}

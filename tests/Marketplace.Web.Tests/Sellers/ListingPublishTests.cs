using System.Net;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;

namespace Marketplace.Web.Tests.Sellers;

public sealed class ListingPublishTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task A_local_seller_publishes_a_batik_listing_and_sees_it_live_at_once()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);

        var id = await SellerPortal.CreateAsync(client, "Publish", SellerPortal.ListingFields(PolicyScenario.Textile, "Kain Batik Tulis Pekalongan"));

        var page = await client.GetDocumentAsync($"/Seller/Listings/Edit/{id}");
        page.QuerySelector("#listing-status")!.GetAttribute("data-state").Should().Be("Published");
        page.QuerySelector("#listing-status")!.TextContent.Should().Contain("Tayang");
        var listing = (await _portal.ListingAsync(id))!;
        listing.SellerId.Should().Be(sellerId);
        listing.State.Should().Be(ListingState.Published);
        (await _portal.Scenario.IsVisibleAsync(id)).Should().BeTrue();
        (await _portal.Scenario.DecisionsAsync(id)).Should().ContainSingle().Which.Trigger.Should().Be(Marketplace.Domain.Policy.DecisionTrigger.SellerPublish);
    }

    [Theory]
    [InlineData(PolicyScenario.Textile, "Kain Batik Cap Impor", "Tekstil & Fesyen", "Textiles & Fashion")]
    [InlineData(PolicyScenario.Coffee, "Kopi Bubuk Arabika Impor", "Makanan & Minuman", "Food & Beverage")]
    [InlineData(PolicyScenario.Rattan, "Keranjang Rotan Impor", "Kerajinan", "Handicrafts")]
    public async Task A_cross_border_seller_is_refused_in_each_closed_cluster_and_reads_why_in_their_language(string category, string title, string clusterId, string clusterEn)
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var fields = SellerPortal.ListingFields(category, title);
        fields["StrikeAccepted"] = "true";

        var id = await SellerPortal.CreateAsync(client, "Publish", fields);

        var status = (await client.GetDocumentAsync($"/Seller/Listings/Edit/{id}")).QuerySelector("#listing-status")!;
        status.GetAttribute("data-state").Should().Be("Rejected");
        status.TextContent.Should().Contain("Ditolak").And.Contain(clusterId).And.Contain("ditutup untuk penjualan lintas negara");
        (await _portal.Scenario.IsVisibleAsync(id)).Should().BeFalse();

        using var english = await client.SubmitFormAsync("/Seller", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/Seller" }, "header form[action='/Language']");
        var englishStatus = (await client.GetDocumentAsync($"/Seller/Listings/Edit/{id}")).QuerySelector("#listing-status")!;
        englishStatus.TextContent.Should().Contain("Rejected").And.Contain(clusterEn).And.Contain("closed to cross-border sales");
    }

    [Fact]
    public async Task A_cross_border_seller_publishes_in_an_open_cluster_and_a_batik_shirt_listed_as_a_phone_case_waits_for_review()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");

        var phone = await SellerPortal.CreateAsync(client, "Publish", SellerPortal.ListingFields(PolicyScenario.Smartphones, "Smartphone Android 5G 128 GB", price: "2.500.000"));
        var shirt = await SellerPortal.CreateAsync(client, "Publish", SellerPortal.ListingFields(PolicyScenario.PhoneCases, "Kemeja Batik Pria Lengan Panjang"));

        (await _portal.ListingAsync(phone))!.State.Should().Be(ListingState.Published);
        var review = (await client.GetDocumentAsync($"/Seller/Listings/Edit/{shirt}")).QuerySelector("#listing-status")!;
        review.GetAttribute("data-state").Should().Be("PendingReview");
        review.QuerySelector(".reason")!.TextContent.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Editing_a_live_listing_decides_it_again_as_an_edit_and_a_batik_title_in_phone_cases_goes_to_review()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var id = await SellerPortal.CreateAsync(client, "Publish", SellerPortal.ListingFields(PolicyScenario.PhoneCases, "Casing HP Silikon Bening"));
        (await _portal.ListingAsync(id))!.State.Should().Be(ListingState.Published);

        using var edited = await SellerPortal.PostListingAsync(client, "Save", SellerPortal.ListingFields(PolicyScenario.PhoneCases, "Casing HP Motif Batik Parang"), id);

        edited.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var listing = (await _portal.ListingAsync(id))!;
        (listing.Title, listing.State).Should().Be(("Casing HP Motif Batik Parang", ListingState.PendingReview));
        (await _portal.Scenario.DecisionsAsync(id)).Select(d => d.Trigger).Should().Equal(
            Marketplace.Domain.Policy.DecisionTrigger.SellerPublish, Marketplace.Domain.Policy.DecisionTrigger.SellerEdit);
        (await _portal.Scenario.IsVisibleAsync(id)).Should().BeFalse("the new text waits for an admin before anyone sees it");
    }

    [Fact]
    public async Task A_refused_field_shows_its_reason_and_the_form_keeps_what_was_typed_and_nothing_is_saved()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var fields = SellerPortal.ListingFields(PolicyScenario.Coffee, "Kopi Gayo Arabika 250 g", price: "dua ratus ribu");
        fields["Input.TkdnPercent"] = "140";

        using var response = await SellerPortal.PostListingAsync(client, "Publish", fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await FormPost.ParseAsync(response);
        page.QuerySelector("[data-valmsg-for='Input.Price']")!.TextContent.Should().Contain("rupiah");
        page.QuerySelector("[data-valmsg-for='Input.TkdnPercent']")!.TextContent.Should().Contain("0 sampai 100");
        page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value").Should().Be("Kopi Gayo Arabika 250 g");
        page.QuerySelector("select[name='Input.Category'] option[selected]")!.GetAttribute("value").Should().Be(PolicyScenario.Coffee);
        page.QuerySelector("textarea[name='Input.Description']")!.TextContent.Trim().Should().Be("Produk buatan tangan.");
        (await _portal.ListingCountAsync(sellerId)).Should().Be(0);
    }

    [Fact]
    public async Task A_draft_is_saved_without_a_decision_then_published_and_archived()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var id = await SellerPortal.CreateAsync(client, "Save", SellerPortal.ListingFields(PolicyScenario.Rattan, "Tas Rotan Bulat Bali"));
        (await _portal.ListingAsync(id))!.State.Should().Be(ListingState.Draft);
        (await _portal.Scenario.DecisionsAsync(id)).Should().BeEmpty();

        using var published = await client.SubmitFormAsync($"/Seller/Listings/Edit/{id}?handler=Publish", new Dictionary<string, string>
        {
            ["Input.Category"] = PolicyScenario.Rattan,
            ["Input.Description"] = "Anyaman rapat.",
        });
        published.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var live = (await _portal.ListingAsync(id))!;
        live.State.Should().Be(ListingState.Published);
        live.Description.Should().Be("Anyaman rapat.");

        using var archived = await client.SubmitFormAsync($"/Seller/Listings/Edit/{id}?handler=Archive", new Dictionary<string, string>(), $"main form[action*='handler=Archive']");
        archived.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _portal.ListingAsync(id))!.State.Should().Be(ListingState.Archived);
        (await _portal.Scenario.IsVisibleAsync(id)).Should().BeFalse();
    }

    [Fact]
    public async Task The_table_filters_by_state_searches_and_takes_quick_price_and_stock_edits()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var live = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Toraja Sapan");
        var draft = await _portal.Scenario.CreateDraftAsync(sellerId, PolicyScenario.Rattan, "Nampan Rotan Lombok");

        var drafts = await client.GetDocumentAsync("/Seller/Listings?State=Draft");
        drafts.QuerySelectorAll("#listings tbody tr").Select(r => r.GetAttribute("data-listing")).Should().Equal(draft.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var found = await client.GetDocumentAsync("/Seller/Listings?q=toraja");
        found.QuerySelectorAll("#listings tbody tr").Select(r => r.GetAttribute("data-listing")).Should().Equal(live.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var quick = await client.SubmitFormAsync("/Seller/Listings?q=toraja", new Dictionary<string, string> { ["price"] = "Rp 99.000", ["stock"] = "3" }, "form.quick-edit");

        quick.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var edited = (await _portal.ListingAsync(live))!;
        edited.Price.Amount.Should().Be(99_000);
        edited.Stock.Should().Be(3);
        edited.State.Should().Be(ListingState.Published, "a local coffee is allowed again at its new price");
        (await _portal.Scenario.DecisionsAsync(live)).Should().HaveCount(2, "a price is a policy input, so the live listing was decided again");
    }
}

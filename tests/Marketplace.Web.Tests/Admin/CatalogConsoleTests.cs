using System.Net;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Admin;

/// <summary>Categories and rules from the console: moves and lexicons previewed and then decided again through the policy.</summary>
public sealed class CatalogConsoleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task Moving_a_category_into_a_closed_cluster_shows_its_effect_first_and_then_re_decides_its_listings()
    {
        var food = await _scenario.ClusterIdAsync(ClusterCodes.FoodBeverage);
        var category = await _scenario.CategoryIdAsync("wadah-plastik");
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "TH");
        var local = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var crossBorder = await _scenario.CreatePublishedAsync(foreign, "wadah-plastik", "Toples Plastik Set 3", ProductOrigin.Imported);
        var localJar = await _scenario.CreatePublishedAsync(local, "wadah-plastik", "Toples Kaca Cirebon");
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var url = $"/Admin/Categories/Edit?id={category}";
        var versionBefore = await PolicyVersionAsync();

        using var previewResponse = await client.SubmitAsync(await client.GetDocumentAsync(url), "form[action*=PreviewMove]", new Dictionary<string, string> { ["Move.ClusterId"] = $"{food}" });
        var preview = await FormPost.ParseAsync(previewResponse);

        preview.Effect("#preview", "suspended").Should().Be(1);
        (await _scenario.ListingAsync(crossBorder)).State.Should().Be(ListingState.Published);

        var result = await client.FollowAsync(await client.SubmitAsync(preview, "#preview form"));

        result.Effect("#result", "suspended").Should().Be(1);
        (await _scenario.ListingAsync(crossBorder)).State.Should().Be(ListingState.Suspended);
        (await _scenario.DecisionsAsync(crossBorder)).Last().Should().Match<PolicyDecision>(d => d.Trigger == DecisionTrigger.CategoryMoved && d.ClusterId == food);
        (await _scenario.ListingAsync(localJar)).State.Should().Be(ListingState.Published);
        (await PolicyVersionAsync()).Should().BeGreaterThan(versionBefore);
        (await _scenario.WithDbAsync(db => db.AdminActions.SingleAsync(a => a.CategoryId == category && a.Kind == AdminActionKind.CategoryMoved))).ClusterId.Should().Be(food);
    }

    [Fact]
    public async Task A_category_is_created_renamed_in_both_languages_and_retired_without_losing_its_listings()
    {
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var household = await _scenario.WithDbAsync(db => db.Clusters.Where(c => c.Code == "HOUSEHOLD").Select(c => c.Id).SingleAsync());
        var parent = await _scenario.WithDbAsync(db => db.Categories.Where(c => c.Slug == "wadah-plastik").Select(c => c.ParentId).SingleAsync());

        using var created = await client.SubmitFormAsync("/Admin/Categories", new Dictionary<string, string>
        {
            ["Input.ParentId"] = $"{parent}",
            ["Input.ClusterId"] = $"{household}",
            ["Input.Slug"] = "rak-piring",
            ["Input.NameId"] = "Rak Piring",
            ["Input.NameEn"] = "Dish Racks",
            ["Input.HsChapters"] = "73, 94",
        }, "form[action*=Create]");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var category = await _scenario.CategoryIdAsync("rak-piring");
        (await _scenario.WithDbAsync(db => db.Categories.SingleAsync(c => c.Id == category))).HsChapters.Should().Equal(73, 94);
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var listing = await _scenario.CreatePublishedAsync(seller, "rak-piring", "Rak Piring Kayu Jati");

        using var renamed = await client.SubmitFormAsync($"/Admin/Categories/Edit?id={category}", new Dictionary<string, string>
        {
            ["Names.NameId"] = "Rak Piring dan Gelas",
            ["Names.NameEn"] = "Dish and Glass Racks",
        }, "form[action*=Rename]");
        renamed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var retired = await client.SubmitFormAsync($"/Admin/Categories/Edit?id={category}", new Dictionary<string, string>(), "form[action*=Retire]");
        retired.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var stored = await _scenario.WithDbAsync(db => db.Categories.AsNoTracking().SingleAsync(c => c.Id == category));
        stored.Should().Match<Category>(c => c.NameId == "Rak Piring dan Gelas" && c.NameEn == "Dish and Glass Racks" && c.IsRetired);
        (await _scenario.ListingAsync(listing)).Should().Match<Listing>(l => l.State == ListingState.Published && l.CategoryId == category);
        (await _scenario.IsVisibleAsync(listing)).Should().BeTrue("retiring a category keeps its listings");
        var tree = await client.GetDocumentAsync("/Admin/Categories");
        tree.QuerySelector("tr[data-slug=rak-piring]")!.TextContent.Should().Contain("Rak Piring dan Gelas").And.Contain("HOUSEHOLD").And.Contain("73, 94").And.Contain("Dipensiunkan");
        (await _scenario.WithDbAsync(db => db.AdminActions.Where(a => a.CategoryId == category).Select(a => a.Kind).ToListAsync()))
            .Should().BeEquivalentTo([AdminActionKind.CategoryCreated, AdminActionKind.CategoryRenamed, AdminActionKind.CategoryRetired]);
    }

    [Fact]
    public async Task A_lexicon_change_previews_and_then_flags_exactly_the_matching_live_cross_border_listings()
    {
        var craft = await _scenario.ClusterIdAsync(ClusterCodes.Handicraft);
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var local = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var flagged = await _scenario.CreatePublishedAsync(foreign, PolicyScenario.PhoneCases, "Casing HP Motif Daun Kolibri", ProductOrigin.Imported);
        var alsoFlagged = await _scenario.CreatePublishedAsync(foreign, PolicyScenario.Smartphones, "Smartphone Edisi Kolibri Bali", ProductOrigin.Imported);
        var localCase = await _scenario.CreatePublishedAsync(local, PolicyScenario.PhoneCases, "Casing HP Kolibri Lokal");
        var plain = await _scenario.CreatePublishedAsync(foreign, PolicyScenario.PhoneCases, "Casing HP Bening", ProductOrigin.Imported);
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var url = $"/Admin/Rules/Lexicon?clusterId={craft}";
        var versionBefore = await PolicyVersionAsync();
        var page = await client.GetDocumentAsync(url);
        var terms = page.QuerySelector("textarea[name='Input.Terms']")!.TextContent.Trim();

        using var previewResponse = await client.SubmitAsync(page, "form[action*=Preview]", new Dictionary<string, string> { ["Input.Terms"] = terms + "\nkolibri" });
        var preview = await FormPost.ParseAsync(previewResponse);

        preview.Effect("#preview", "review").Should().Be(2);
        preview.QuerySelectorAll("#preview .effect-sample tbody tr td:first-child").Select(c => c.TextContent)
            .Should().BeEquivalentTo(["Casing HP Motif Daun Kolibri", "Smartphone Edisi Kolibri Bali"]);
        (await PolicyVersionAsync()).Should().Be(versionBefore, "a preview changes nothing");

        var result = await client.FollowAsync(await client.SubmitAsync(preview, "#preview form"));

        result.Effect("#result", "review").Should().Be(2);
        (await _scenario.ListingAsync(flagged)).State.Should().Be(ListingState.PendingReview);
        (await _scenario.ListingAsync(alsoFlagged)).State.Should().Be(ListingState.PendingReview);
        (await _scenario.ListingAsync(localCase)).State.Should().Be(ListingState.Published);
        (await _scenario.ListingAsync(plain)).State.Should().Be(ListingState.Published);
        (await PolicyVersionAsync()).Should().Be(versionBefore + 1);
        (await _scenario.DecisionsAsync(flagged)).Last().PolicyVersion.Should().Be(versionBefore + 1);
        (await _scenario.WithDbAsync(db => db.AdminActions.SingleAsync(a => a.Kind == AdminActionKind.LexiconReplaced))).Details.Should().Contain("added=kolibri");
    }

    [Fact]
    public async Task The_minimum_price_rule_is_switched_on_with_a_dated_rate_and_bumps_the_policy_version()
    {
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "SG");
        var cheapId = await _scenario.CreateDraftAsync(foreign, "botol-minum", "Botol Minum Murah", price: 50_000, origin: ProductOrigin.Imported);
        (await _scenario.PublishAsync(cheapId)).State.Should().Be(ListingState.Published);
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var versionBefore = await PolicyVersionAsync();

        using var previewResponse = await client.SubmitFormAsync("/Admin/Rules", new Dictionary<string, string>
        {
            ["Input.Enabled"] = "true",
            ["Input.UsdAmount"] = "100",
            ["Input.IdrPerUsd"] = "15750.50",
            ["Input.RateDate"] = "2026-11-20",
            ["Input.ExemptHsChapters"] = "37, 49",
        }, "#minimum-form");
        var preview = await FormPost.ParseAsync(previewResponse);
        preview.Effect("#preview", "suspended").Should().BeGreaterThanOrEqualTo(1);
        var result = await client.FollowAsync(await client.SubmitAsync(preview, "#preview form"));

        (await _scenario.ListingAsync(cheapId)).State.Should().Be(ListingState.Suspended);
        var settings = await _scenario.WithDbAsync(db => db.PolicySettings.AsNoTracking().SingleAsync());
        settings.Should().Match<PolicySettings>(s => s.MinimumPriceEnabled && s.IdrPerUsd == 15750.50m && s.RateDate == new DateOnly(2026, 11, 20) && s.Version == versionBefore + 1);
        result.QuerySelector("#policy-version")!.TextContent.Should().Contain($"{versionBefore + 1}");

        await _scenario.RulesAsync(r => r.SetMinimumPriceAsync(CrossBorderMinimumPrice.Off, "test"));
    }

    [Fact]
    public async Task A_minimum_in_fractions_of_a_cent_is_refused_before_any_preview_and_nothing_changes()
    {
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var versionBefore = await PolicyVersionAsync();

        using var response = await client.SubmitFormAsync("/Admin/Rules", new Dictionary<string, string>
        {
            ["Input.Enabled"] = "true",
            ["Input.UsdAmount"] = "99.995",
            ["Input.IdrPerUsd"] = "15750.505",
            ["Input.RateDate"] = "2026-11-20",
            ["Input.ExemptHsChapters"] = "49",
        }, "#minimum-form");
        var page = await FormPost.ParseAsync(response);

        page.QuerySelector("#preview").Should().BeNull("a preview of 99.995 would not be what the stored rule of whole cents does");
        page.QuerySelector("[data-valmsg-for='Input.UsdAmount']")!.TextContent.Should().Contain("dua angka");
        page.QuerySelector("[data-valmsg-for='Input.IdrPerUsd']")!.TextContent.Should().Contain("dua angka");
        (await PolicyVersionAsync()).Should().Be(versionBefore);
    }

    private Task<int> PolicyVersionAsync() => _scenario.WithDbAsync(db => db.PolicySettings.Select(p => p.Version).SingleAsync());
}

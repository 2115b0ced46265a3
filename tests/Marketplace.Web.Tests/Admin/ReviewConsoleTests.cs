using Marketplace.Domain.Audit;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Admin;

/// <summary>The review queue: oldest first, flagged words marked, approvals through the policy, rejections with a note.</summary>
public sealed class ReviewConsoleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task The_queue_lists_waiting_listings_oldest_first_with_the_flagged_words_marked_and_the_text_encoded()
    {
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "MY");
        var older = await WaitingAsync(foreign, "Casing HP Motif B4tik <script>alert(1)</script>", "Bahan lembut & kuat");
        var newer = await WaitingAsync(foreign, "Casing HP Kopi Luwak", "Aroma kopi");
        var client = await AdminPages.AdminClientAsync(fixture.App);

        var page = await client.GetDocumentAsync("/Admin/Review");

        var items = page.QuerySelectorAll("li[data-listing]").Select(li => long.Parse(li.GetAttribute("data-listing")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        items.IndexOf(older).Should().BeLessThan(items.IndexOf(newer));
        var title = page.QuerySelector($"li[data-listing='{older}'] .review-title")!;
        title.QuerySelectorAll("mark").Select(m => m.TextContent).Should().Equal("B4tik");
        title.QuerySelector("script").Should().BeNull("the seller's text is encoded before any word is marked");
        title.TextContent.Should().Contain("<script>alert(1)</script>");
        page.QuerySelector($"li[data-listing='{newer}'] .review-title")!.QuerySelectorAll("mark").Select(m => m.TextContent).Should().Equal("Kopi", "Luwak");
    }

    [Fact]
    public async Task Approving_publishes_through_the_policy_and_rejecting_puts_the_note_before_the_seller()
    {
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "MY");
        var approved = await WaitingAsync(foreign, "Casing HP Motif Batik Kawung", "Motif saja, bukan kain.");
        var rejected = await WaitingAsync(foreign, "Casing HP bonus Kain Batik", "Bonus kain batik 2 meter.");
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var queue = await client.GetDocumentAsync("/Admin/Review");

        await client.FollowAsync(await client.SubmitAsync(queue, "#bulk-form", new Dictionary<string, string> { ["One"] = $"{approved}" }, submitter: $"li[data-listing='{approved}'] button[formaction*=Approve]"));
        var afterReject = await client.FollowAsync(await client.SubmitAsync(
            await client.GetDocumentAsync("/Admin/Review"),
            "#bulk-form",
            new Dictionary<string, string> { ["One"] = $"{rejected}", ["Note"] = "Kain batik termasuk klaster tekstil yang tertutup." },
            submitter: $"li[data-listing='{rejected}'] button[formaction*=Reject]"));

        afterReject.QuerySelector("#result")!.TextContent.Should().Contain("Ditolak: 1");
        (await _scenario.ListingAsync(approved)).State.Should().Be(ListingState.Published);
        (await _scenario.DecisionsAsync(approved)).Last().Should().Match<PolicyDecision>(d => d.Trigger == DecisionTrigger.AdminApproval && d.Outcome == PolicyOutcome.Allowed);
        var refused = await _scenario.ListingAsync(rejected);
        refused.State.Should().Be(ListingState.Rejected);
        refused.StateNote.Should().Be("Kain batik termasuk klaster tekstil yang tertutup.");
        var actions = await _scenario.WithDbAsync(db => db.AdminActions.AsNoTracking().Where(a => a.SellerId == foreign).ToListAsync());
        actions.Should().ContainSingle(a => a.Kind == AdminActionKind.ListingApproved && a.ListingId == approved);
        actions.Should().ContainSingle(a => a.Kind == AdminActionKind.ListingRejected && a.ListingId == rejected && a.Reason == refused.StateNote);
        afterReject.QuerySelectorAll("li[data-listing]").Should().NotContain(li => li.GetAttribute("data-listing") == $"{approved}" || li.GetAttribute("data-listing") == $"{rejected}");
    }

    [Fact]
    public async Task Bulk_rejection_needs_a_note_and_then_rejects_every_ticked_listing()
    {
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "PH");
        long[] ticked = [await WaitingAsync(foreign, "Casing HP Sarung Tenun", "-"), await WaitingAsync(foreign, "Casing HP Songket Emas", "-")];
        var untouched = await WaitingAsync(foreign, "Casing HP Kebaya Modern", "-");
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var queue = await client.GetDocumentAsync("/Admin/Review");
        foreach (var id in ticked)
        {
            ((AngleSharp.Html.Dom.IHtmlInputElement)queue.QuerySelector($"#select-{id}")!).IsChecked = true;
        }

        using var withoutNote = await client.SubmitAsync(queue, "#bulk-form", submitter: "#bulk-form fieldset button[formaction*=Reject]");
        (await FormPost.ParseAsync(withoutNote)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("catatan penolakan");
        (await _scenario.ListingAsync(ticked[0])).State.Should().Be(ListingState.PendingReview);

        await client.FollowAsync(await client.SubmitAsync(queue, "#bulk-form", new Dictionary<string, string> { ["Note"] = "Barang tekstil." }, submitter: "#bulk-form fieldset button[formaction*=Reject]"));

        foreach (var id in ticked)
        {
            (await _scenario.ListingAsync(id)).State.Should().Be(ListingState.Rejected);
        }

        (await _scenario.ListingAsync(untouched)).State.Should().Be(ListingState.PendingReview);
    }

    [Fact]
    public async Task The_queue_filters_by_reason_in_plain_words_with_the_count_of_each_and_no_unrelated_flagged_word()
    {
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "MY");
        var words = await WaitingAsync(foreign, "Casing HP Motif Songket", "-");
        var unverified = await _scenario.CreateSellerAsync(SellerOrigin.Local, verified: false);
        var origin = await _scenario.CreateDraftAsync(unverified, PolicyScenario.Textile, "Kain Tenun Ikat Sumba");
        (await _scenario.PublishAsync(origin)).Verdict.ReasonCodes.Should().Equal(ReasonCodes.UnverifiedLocalOrigin);
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var waitingForOrigin = await _scenario.WithDbAsync(db => db.Listings.CountAsync(l => l.State == ListingState.PendingReview && l.ReasonCodes.Contains(ReasonCodes.UnverifiedLocalOrigin)));

        var all = await client.GetDocumentAsync("/Admin/Review");
        var filtered = await client.GetDocumentAsync("/Admin/Review?reason=" + ReasonCodes.UnverifiedLocalOrigin);
        var unknown = await client.GetDocumentAsync("/Admin/Review?reason=NOT_A_REASON");

        all.QuerySelector($"li[data-listing='{words}']").Should().NotBeNull();
        all.QuerySelector($"li[data-listing='{origin}']").Should().NotBeNull();
        filtered.QuerySelector($"li[data-listing='{origin}']").Should().NotBeNull();
        filtered.QuerySelector($"li[data-listing='{words}']").Should().BeNull("the filter shows only listings held for that reason");
        filtered.QuerySelectorAll("li[data-listing]").Should().OnlyContain(li => li.GetAttribute("data-reasons")!.Contains(ReasonCodes.UnverifiedLocalOrigin));
        var option = filtered.QuerySelector($"#review-filter option[value='{ReasonCodes.UnverifiedLocalOrigin}']")!;
        option.HasAttribute("selected").Should().BeTrue();
        option.TextContent.Should().Be($"Asal lokal toko belum terverifikasi ({waitingForOrigin})");
        all.QuerySelectorAll("#review-filter option").Select(o => o.GetAttribute("value")).Should().Equal(
            string.Empty, ReasonCodes.SuspectedMisclassification, ReasonCodes.PhotoMatchesBannedListing, ReasonCodes.UnverifiedLocalOrigin);
        var card = filtered.QuerySelector($"li[data-listing='{origin}']")!;
        card.TextContent.Should().Contain("Asal lokal toko belum terverifikasi").And.NotContain(ReasonCodes.UnverifiedLocalOrigin);
        card.TextContent.Should().NotContain("Kata yang ditandai", "a listing held only for its origin has no flagged word to show");
        unknown.QuerySelector($"li[data-listing='{words}']").Should().NotBeNull("an unknown reason shows the whole queue");
    }

    private async Task<long> WaitingAsync(int seller, string title, string description)
    {
        var id = await _scenario.CreateDraftAsync(seller, PolicyScenario.PhoneCases, title, origin: ProductOrigin.Imported, description: description);
        (await _scenario.PublishAsync(id)).State.Should().Be(ListingState.PendingReview);
        return id;
    }
}

using Marketplace.Domain.Audit;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Admin;

/// <summary>"Urungkan": an admin takes back an approval or a rejection for a short while, as a policy decision on the record.</summary>
public sealed class ReviewUndoTests(ReviewUndoTests.Fixture fixture) : IClassFixture<ReviewUndoTests.Fixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task An_approval_undone_within_the_window_is_decided_again_by_the_policy_and_audited()
    {
        var (id, seller) = await WaitingAsync("Casing HP Motif Batik Parang");
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var afterApprove = await client.FollowAsync(await client.SubmitAsync(
            await client.GetDocumentAsync("/Admin/Review"), "#bulk-form", new Dictionary<string, string> { ["One"] = $"{id}" }, submitter: $"li[data-listing='{id}'] button[formaction*=Approve]"));
        (await _scenario.ListingAsync(id)).State.Should().Be(ListingState.Published);
        var card = afterApprove.QuerySelector($"#recent-reviews li[data-recent='{id}']")!;
        card.QuerySelector("img.review-photo").Should().NotBeNull("the card shows the listing's photo");
        card.QuerySelector("a[href^='/Admin/Sellers/Detail']")!.TextContent.Should().StartWith("Toko Uji");
        card.QuerySelector("a.review-product-link")!.GetAttribute("href").Should().Be($"/p/{id}");

        fixture.Clock.Advance(TimeSpan.FromMinutes(4));
        var afterUndo = await client.FollowAsync(await client.SubmitAsync(afterApprove, $"#recent-reviews li[data-recent='{id}'] form.review-undo"));

        afterUndo.QuerySelector("#undo-result")!.TextContent.Should().Contain("diurungkan").And.Contain("Menunggu tinjauan");
        var listing = await _scenario.ListingAsync(id);
        (listing.State, listing.MisclassificationCleared).Should().Be((ListingState.PendingReview, false));
        (await _scenario.DecisionsAsync(id)).Last().Should().Match<PolicyDecision>(d => d.Trigger == DecisionTrigger.ReviewUndone && d.Outcome == PolicyOutcome.NeedsReview);
        var actions = await _scenario.WithDbAsync(db => db.AdminActions.AsNoTracking().Where(a => a.SellerId == seller && a.ListingId == id).OrderBy(a => a.Id).ToListAsync());
        actions.Select(a => a.Kind).Should().Equal(AdminActionKind.ListingApproved, AdminActionKind.ListingReviewUndone);
        afterUndo.QuerySelector($"li[data-listing='{id}']").Should().NotBeNull("the listing is back in the queue");
        afterUndo.QuerySelector($"#recent-reviews li[data-recent='{id}']").Should().BeNull("an undo is not undone again");
    }

    [Fact]
    public async Task A_rejection_undone_goes_back_to_review_and_its_strike_is_voided()
    {
        var (id, seller) = await WaitingAsync("Casing HP bonus Kain Songket");
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var afterReject = await client.FollowAsync(await client.SubmitAsync(
            await client.GetDocumentAsync("/Admin/Review"),
            "#bulk-form",
            new Dictionary<string, string> { ["One"] = $"{id}", ["Note"] = "Kain songket termasuk tekstil." },
            submitter: $"li[data-listing='{id}'] button[formaction*=Reject]"));
        (await _scenario.WithDbAsync(db => db.Strikes.CountAsync(s => s.ListingId == id && s.VoidedAt == null))).Should().Be(1);

        await client.FollowAsync(await client.SubmitAsync(afterReject, $"#recent-reviews li[data-recent='{id}'] form.review-undo"));

        var listing = await _scenario.ListingAsync(id);
        (listing.State, listing.StateNote).Should().Be((ListingState.PendingReview, null));
        (await _scenario.DecisionsAsync(id)).Last().Trigger.Should().Be(DecisionTrigger.ReviewUndone);
        (await _scenario.WithDbAsync(db => db.Strikes.AsNoTracking().SingleAsync(s => s.ListingId == id))).Should().Match<Strike>(s => s.VoidedAt != null);
        (await _scenario.WithDbAsync(db => db.AdminActions.CountAsync(a => a.SellerId == seller && a.Kind == AdminActionKind.ListingReviewUndone))).Should().Be(1);
    }

    [Fact]
    public async Task After_the_window_or_for_another_admin_the_undo_is_refused_and_nothing_is_decided()
    {
        var (id, _) = await WaitingAsync("Casing HP Motif Tenun Ikat");
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var afterApprove = await client.FollowAsync(await client.SubmitAsync(
            await client.GetDocumentAsync("/Admin/Review"), "#bulk-form", new Dictionary<string, string> { ["One"] = $"{id}" }, submitter: $"li[data-listing='{id}'] button[formaction*=Approve]"));
        var decisions = (await _scenario.DecisionsAsync(id)).Count;

        var other = await AdminPages.AdminClientAsync(fixture.App);
        (await other.GetDocumentAsync("/Admin/Review")).QuerySelector($"#recent-reviews li[data-recent='{id}']").Should().BeNull("only the admin who decided sees the undo");
        await WaitingAsync("Casing HP Motif Songket Hitam");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await other.GetDocumentAsync("/Admin/Review")).QuerySelector("#bulk-form")!;
        var values = AdminPages.Values(form);
        values.Add(new("listingId", $"{id}"));
        using var content = new FormUrlEncodedContent(values);
        var refusedForOther = await other.FollowAsync(await other.PostAsync("/Admin/Review?handler=Undo", content));
        refusedForOther.QuerySelector("#undo-result")!.TextContent.Should().Contain("admin lain");

        fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        var late = await client.FollowAsync(await client.SubmitAsync(afterApprove, $"#recent-reviews li[data-recent='{id}'] form.review-undo"));

        late.QuerySelector("#undo-result")!.TextContent.Should().Contain("sudah habis");
        (await _scenario.ListingAsync(id)).State.Should().Be(ListingState.Published);
        (await _scenario.DecisionsAsync(id)).Should().HaveCount(decisions);
    }

    private async Task<(long Id, int Seller)> WaitingAsync(string title)
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "MY");
        var id = await _scenario.CreateDraftAsync(seller, PolicyScenario.PhoneCases, title, origin: ProductOrigin.Imported, description: "Motif saja.");
        (await _scenario.PublishAsync(id)).State.Should().Be(ListingState.PendingReview);
        return (id, seller);
    }

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero));

        protected override TimeProvider? OwnClock => Clock;
    }
}

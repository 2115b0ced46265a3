using Marketplace.Domain;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Policy;

/// <summary>Every path that can make a listing visible goes through the one enforcement point, which decides, records and moves the listing.</summary>
public sealed class PublicationEntryPointTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Theory]
    [InlineData(PolicyScenario.Textile, ClusterCodes.Textile, "Kain Batik Cap Motif Parang")]
    [InlineData(PolicyScenario.Coffee, ClusterCodes.FoodBeverage, "Kopi Bubuk Arabika 200 gr")]
    [InlineData(PolicyScenario.Rattan, ClusterCodes.Handicraft, "Keranjang Rotan Bulat")]
    public async Task Cross_border_listing_in_a_blocked_cluster_is_rejected_with_the_cluster_named(string category, string cluster, string title)
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await _scenario.CreateDraftAsync(seller, category, title, origin: ProductOrigin.Imported);

        var result = await _scenario.PublishAsync(listing, DecisionTrigger.SellerPublish, "seller-actor");

        result.State.Should().Be(ListingState.Rejected);
        result.Verdict.Reasons.Should().ContainSingle(r => r.Code == ReasonCodes.ClusterBlocked && r.ClusterCode == cluster);
        var stored = await _scenario.ListingAsync(listing);
        stored.State.Should().Be(ListingState.Rejected);
        stored.ReasonCodes.Should().Equal(ReasonCodes.ClusterBlocked);
        var decision = (await _scenario.DecisionsAsync(listing)).Should().ContainSingle().Subject;
        decision.Outcome.Should().Be(PolicyOutcome.Blocked);
        decision.Trigger.Should().Be(DecisionTrigger.SellerPublish);
        decision.Actor.Should().Be("seller-actor");
        decision.ClusterId.Should().Be(await _scenario.ClusterIdAsync(cluster));
        decision.SellerId.Should().Be(seller);
        decision.PolicyVersion.Should().BeGreaterThan(0);
        decision.MessageId.Should().Contain("ditutup");
        decision.MessageEn.Should().Contain("closed to cross-border");
        (await _scenario.IsVisibleAsync(listing)).Should().BeFalse();
    }

    [Fact]
    public async Task Local_sellers_local_product_in_a_blocked_cluster_is_published()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var listing = await _scenario.CreateDraftAsync(seller, PolicyScenario.Textile, "Kemeja Batik Tulis Lengan Panjang");

        var result = await _scenario.PublishAsync(listing);

        result.State.Should().Be(ListingState.Published);
        (await _scenario.DecisionsAsync(listing)).Should().ContainSingle(d => d.Outcome == PolicyOutcome.Allowed && d.ReasonCodes.Count == 0);
        (await _scenario.IsVisibleAsync(listing)).Should().BeTrue();
    }

    [Fact]
    public async Task Local_seller_listing_an_imported_product_in_a_blocked_cluster_is_rejected()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var listing = await _scenario.CreateDraftAsync(seller, PolicyScenario.Coffee, "Kopi Bubuk Impor Vietnam", origin: ProductOrigin.Imported);

        var result = await _scenario.PublishAsync(listing);

        result.State.Should().Be(ListingState.Rejected);
        (await _scenario.IsVisibleAsync(listing)).Should().BeFalse();
    }

    [Fact]
    public async Task Batik_shirt_in_electronics_waits_for_review_and_an_admins_approval_publishes_it()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "MY");
        var listing = await _scenario.CreateDraftAsync(seller, PolicyScenario.PhoneCases, "Kemeja Batik Pria Premium", origin: ProductOrigin.Imported);

        var waiting = await _scenario.PublishAsync(listing);

        waiting.State.Should().Be(ListingState.PendingReview);
        waiting.Verdict.Reasons.Should().ContainSingle(r => r.Code == ReasonCodes.SuspectedMisclassification && r.ClusterCode == ClusterCodes.Textile);
        (await _scenario.IsVisibleAsync(listing)).Should().BeFalse();

        var approved = await _scenario.PublicationAsync(p => p.ApproveReviewAsync(listing, "admin-actor"));

        approved.State.Should().Be(ListingState.Published);
        var decisions = await _scenario.DecisionsAsync(listing);
        decisions.Select(d => (d.Trigger, d.Outcome)).Should().Equal(
            (DecisionTrigger.SellerPublish, PolicyOutcome.NeedsReview),
            (DecisionTrigger.AdminApproval, PolicyOutcome.Allowed));
        decisions[^1].Actor.Should().Be("admin-actor");
        (await _scenario.IsVisibleAsync(listing)).Should().BeTrue();
    }

    [Fact]
    public async Task Battery_in_electronics_is_published_without_review()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await _scenario.CreateDraftAsync(seller, PolicyScenario.Smartphones, "Baterai Lithium Cadangan 5000 mAh", origin: ProductOrigin.Imported);

        (await _scenario.PublishAsync(listing)).State.Should().Be(ListingState.Published);
    }

    [Fact]
    public async Task Editing_a_live_listing_into_a_blocked_category_takes_it_off_the_shop_before_anyone_sees_it()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await _scenario.CreatePublishedAsync(seller, PolicyScenario.PhoneCases, "Softcase Bening iPhone 15", ProductOrigin.Imported);
        var current = await _scenario.ListingAsync(listing);
        var textile = await _scenario.CategoryIdAsync(PolicyScenario.Textile);
        var moved = new ListingContent(textile, "Kain Batik Cap", current.Description, current.Price, current.Stock, current.Origin, null);

        var edit = await _scenario.PublicationAsync(p => p.EditAsync(listing, seller, moved, DecisionTrigger.SellerEdit, "seller-actor"));

        edit!.State.Should().Be(ListingState.Rejected);
        edit.Verdict!.ReasonCodes.Should().Equal(ReasonCodes.ClusterBlocked);
        var stored = await _scenario.ListingAsync(listing);
        stored.CategoryId.Should().Be(textile);
        stored.State.Should().Be(ListingState.Rejected);
        (await _scenario.DecisionsAsync(listing)).Last().Trigger.Should().Be(DecisionTrigger.SellerEdit);
        (await _scenario.IsVisibleAsync(listing)).Should().BeFalse();
    }

    [Fact]
    public async Task Editing_a_live_listings_title_to_read_like_batik_sends_it_to_review_and_a_price_edit_is_decided_too()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await _scenario.CreatePublishedAsync(seller, PolicyScenario.PhoneCases, "Hardcase Anti Gores", ProductOrigin.Imported);
        var current = await _scenario.ListingAsync(listing);

        var priceOnly = await _scenario.PublicationAsync(p => p.EditAsync(
            listing, seller, new ListingContent(current.CategoryId, current.Title, current.Description, new Rupiah(99_000), current.Stock, current.Origin, null), DecisionTrigger.SellerEdit, "s"));
        var retitled = await _scenario.PublicationAsync(p => p.EditAsync(
            listing, seller, new ListingContent(current.CategoryId, "Hardcase Motif Batik Parang", current.Description, new Rupiah(99_000), current.Stock, current.Origin, null), DecisionTrigger.SellerEdit, "s"));

        priceOnly!.State.Should().Be(ListingState.Published);
        priceOnly.Verdict.Should().NotBeNull("a price is a policy input, so the edit is decided");
        retitled!.State.Should().Be(ListingState.PendingReview);
        (await _scenario.IsVisibleAsync(listing)).Should().BeFalse();
    }

    [Fact]
    public async Task Stock_edit_of_a_live_listing_needs_no_new_decision()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var listing = await _scenario.CreatePublishedAsync(seller, PolicyScenario.PhoneCases, "Casing Silikon Polos", ProductOrigin.Imported);
        var current = await _scenario.ListingAsync(listing);

        var edit = await _scenario.PublicationAsync(p => p.EditAsync(
            listing, seller, new ListingContent(current.CategoryId, current.Title, current.Description, current.Price, 3, current.Origin, null), DecisionTrigger.SellerEdit, "s"));

        edit!.Verdict.Should().BeNull();
        edit.State.Should().Be(ListingState.Published);
        (await _scenario.DecisionsAsync(listing)).Should().HaveCount(1);
    }

    [Fact]
    public async Task Another_sellers_listing_cannot_be_edited()
    {
        var owner = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var other = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var listing = await _scenario.CreatePublishedAsync(owner, PolicyScenario.Textile, "Batik Tulis Lasem");
        var current = await _scenario.ListingAsync(listing);

        var edit = await _scenario.PublicationAsync(p => p.EditAsync(
            listing, other, new ListingContent(current.CategoryId, "Diubah orang lain", current.Description, current.Price, 1, current.Origin, null), DecisionTrigger.SellerEdit, "s"));

        edit.Should().BeNull();
        (await _scenario.ListingAsync(listing)).Title.Should().Be("Batik Tulis Lasem");
    }

    [Theory]
    [InlineData(DecisionTrigger.CsvImport)]
    [InlineData(DecisionTrigger.SellerApi)]
    public async Task Bulk_publication_decides_each_listing_and_records_its_trigger(DecisionTrigger trigger)
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "SG");
        var allowed = await _scenario.CreateDraftAsync(seller, PolicyScenario.Smartphones, "Smartphone Android 8/256", 3_500_000, ProductOrigin.Imported);
        var blocked = await _scenario.CreateDraftAsync(seller, PolicyScenario.Coffee, "Coffee Beans Arabica", 120_000, ProductOrigin.Imported);
        var review = await _scenario.CreateDraftAsync(seller, PolicyScenario.PhoneCases, "Kebaya Brokat Modern", 180_000, ProductOrigin.Imported);

        var results = await _scenario.PublicationAsync(p => p.PublishAsync([allowed, blocked, review], trigger, "importer"));

        results.ToDictionary(r => r.ListingId, r => r.State).Should().BeEquivalentTo(new Dictionary<long, ListingState>
        {
            [allowed] = ListingState.Published,
            [blocked] = ListingState.Rejected,
            [review] = ListingState.PendingReview,
        });
        foreach (var id in new[] { allowed, blocked, review })
        {
            (await _scenario.DecisionsAsync(id)).Should().ContainSingle(d => d.Trigger == trigger && d.Actor == "importer");
        }

        (await _scenario.IsVisibleAsync(allowed)).Should().BeTrue();
        (await _scenario.IsVisibleAsync(blocked)).Should().BeFalse();
        (await _scenario.IsVisibleAsync(review)).Should().BeFalse();
    }

    [Fact]
    public async Task An_archived_listing_cannot_be_published_and_nothing_is_recorded()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var listing = await _scenario.CreateDraftAsync(seller, PolicyScenario.Textile, "Sarung Tenun Samarinda");
        await _scenario.WithDbAsync(async db =>
        {
            var entity = await db.Listings.FindAsync(listing);
            entity!.Archive(_scenario.Now);
            return await db.SaveChangesAsync();
        });

        var publish = () => _scenario.PublishAsync(listing);

        (await publish.Should().ThrowAsync<DomainException>()).Which.Code.Should().Be("listing.transition_forbidden");
        (await _scenario.DecisionsAsync(listing)).Should().BeEmpty();
        (await _scenario.ListingAsync(listing)).State.Should().Be(ListingState.Archived);
    }
}

using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Tests.Listings;

public class ListingEditTests
{
    private static readonly DateTimeOffset EditTime = ListingStates.Created.AddDays(1);

    public static TheoryData<string, ListingContent> PolicyInputEdits() => new()
    {
        { "category", ListingStates.Content(categoryId: 12) },
        { "title", ListingStates.Content(title: "Kabel data USB-C 2 meter") },
        { "description", ListingStates.Content(description: "Kabel nilon anti kusut.") },
        { "price", ListingStates.Content(price: 45_001) },
        { "origin", ListingStates.Content(origin: ProductOrigin.Local) },
    };

    public static TheoryData<string, ListingContent> OtherEdits() => new()
    {
        { "stock", ListingStates.Content(stock: 3) },
        { "TKDN", ListingStates.Content(tkdn: 35m) },
        { "stock and TKDN", ListingStates.Content(stock: 0, tkdn: 100m) },
        { "nothing", ListingStates.Content() },
        { "whitespace around the title", ListingStates.Content(title: "  Kabel data USB-C 1 meter ") },
    };

    public static TheoryData<string, ListingContent> TextEdits() => new()
    {
        { "category", ListingStates.Content(categoryId: 12) },
        { "title", ListingStates.Content(title: "Kabel data USB-C 2 meter") },
        { "description", ListingStates.Content(description: "Kabel nilon anti kusut.") },
    };

    [Theory]
    [MemberData(nameof(PolicyInputEdits))]
    public void Edit_of_a_policy_input_reports_that_the_listing_must_be_decided_again(string changed, ListingContent content)
    {
        var listing = ListingStates.NewDraft();

        listing.Edit(content, EditTime).Should().BeTrue("the {0} is read by the policy", changed);
        listing.Content.Should().Be(content);
        listing.UpdatedAt.Should().Be(EditTime);
    }

    [Theory]
    [MemberData(nameof(OtherEdits))]
    public void Edit_that_leaves_every_policy_input_alone_reports_no_change(string changed, ListingContent content)
    {
        var listing = ListingStates.NewDraft();

        listing.Edit(content, EditTime).Should().BeFalse("only the {0} changed", changed);
        listing.Content.Should().Be(content);
    }

    [Fact]
    public void Every_edit_of_the_content_moves_the_version_on_and_an_edit_that_changes_nothing_does_not()
    {
        var listing = ListingStates.NewDraft();
        listing.Version.Should().Be(1);

        listing.Edit(ListingStates.Content(stock: 3), EditTime);
        listing.Edit(ListingStates.Content(stock: 3, title: "Kabel data USB-C 2 meter"), EditTime);
        listing.Edit(ListingStates.Content(stock: 3, title: "Kabel data USB-C 2 meter"), EditTime);
        listing.DecrementStock(1);

        listing.Version.Should().Be(3, "two edits changed the content; the repeat and the sale did not");
    }

    [Fact]
    public void Price_change_from_the_seller_table_is_a_policy_input_and_stock_alone_is_not()
    {
        var listing = ListingStates.NewDraft();

        listing.SetPriceAndStock(new Rupiah(45_000), 99, EditTime).Should().BeFalse();
        listing.Stock.Should().Be(99);
        listing.SetPriceAndStock(new Rupiah(39_000), 99, EditTime).Should().BeTrue();
        listing.Price.Should().Be(new Rupiah(39_000));
    }

    [Theory]
    [MemberData(nameof(TextEdits))]
    public void Edit_of_text_or_category_withdraws_an_admin_clearance(string changed, ListingContent content)
    {
        var listing = ClearedListing();

        listing.Edit(content, EditTime);

        listing.MisclassificationCleared.Should().BeFalse("the admin looked at the old {0}", changed);
    }

    [Theory]
    [MemberData(nameof(OtherEdits))]
    public void Edit_of_anything_but_text_or_category_keeps_an_admin_clearance(string changed, ListingContent content)
    {
        var listing = ClearedListing();

        listing.Edit(content, EditTime);

        listing.MisclassificationCleared.Should().BeTrue("only the {0} changed", changed);
    }

    [Fact]
    public void Clearance_survives_the_publication_that_follows_it()
    {
        var listing = ClearedListing();

        StoredListing.Apply(listing, ListingTransitions.After(StoredListing.Columns(listing), Verdicts.Allowed(), Marketplace.Domain.Policy.DecisionTrigger.AdminApproval, EditTime));

        listing.State.Should().Be(ListingState.Published);
        listing.MisclassificationCleared.Should().BeTrue();
    }

    private static Listing ClearedListing()
    {
        var listing = ListingStates.In(StartingState.PendingReview);
        listing.ClearMisclassification();
        return listing;
    }
}

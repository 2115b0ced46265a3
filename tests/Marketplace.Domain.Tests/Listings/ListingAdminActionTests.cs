using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Tests.Listings;

public class ListingAdminActionTests
{
    private static readonly DateTimeOffset Later = ListingStates.Created.AddDays(2);

    [Theory]
    [InlineData("")]
    [InlineData("\t")]
    public void Admin_rejection_without_a_note_is_refused_and_leaves_the_listing_waiting(string note)
    {
        var listing = ListingStates.In(StartingState.PendingReview);

        var act = () => listing.RejectByAdmin(note, Later);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.note_required");
        listing.State.Should().Be(ListingState.PendingReview);
        listing.ReasonCodes.Should().Equal("SUSPECTED_MISCLASSIFICATION");
        listing.StateChangedAt.Should().NotBe(Later);
    }

    [Fact]
    public void Restoring_an_archived_admin_rejection_leaves_a_draft_without_the_admin_note()
    {
        var listing = ListingStates.In(StartingState.PendingReview);
        listing.RejectByAdmin("Foto tidak sesuai produk", Later);
        listing.Archive(Later.AddHours(1));

        listing.Restore(Later.AddHours(2));

        listing.State.Should().Be(ListingState.Draft);
        listing.ReasonCodes.Should().BeEmpty();
        listing.StateNote.Should().BeNull();
    }

    [Fact]
    public void Archiving_keeps_the_admin_rejection_on_record()
    {
        var listing = ListingStates.In(StartingState.PendingReview);
        listing.RejectByAdmin("Foto tidak sesuai produk", Later);

        listing.Archive(Later.AddHours(1));

        listing.State.Should().Be(ListingState.Archived);
        listing.ReasonCodes.Should().Equal("REJECTED_BY_ADMIN");
        listing.StateNote.Should().Be("Foto tidak sesuai produk");
    }

    [Fact]
    public void Listing_suspended_by_an_admin_does_not_come_back_when_the_rules_allow_it()
    {
        var listing = ListingStates.In(StartingState.SuspendedByAdmin);

        var act = () => ListingTransitions.After(StoredListing.Columns(listing), Verdicts.Allowed(), Marketplace.Domain.Policy.DecisionTrigger.ClusterOpened, Later);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.transition_forbidden");
        listing.State.Should().Be(ListingState.Suspended);
        listing.SuspendedBy.Should().Be(SuspensionSource.Admin);
    }
}

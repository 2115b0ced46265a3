using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;

namespace Marketplace.Domain.Tests.Enforcement;

public class AppealTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    private static Appeal Open() => new(4, AppealSubject.Strike, 9, 12, "Produk ini buatan lokal, lihat NIB terlampir.", Monday, Monday.AddDays(3));

    [Theory]
    [InlineData(ListingState.Rejected, ReasonCodes.ClusterBlocked, AppealSubject.ListingRejection)]
    [InlineData(ListingState.Suspended, ReasonCodes.ClusterBlocked, AppealSubject.ListingSuspension)]
    [InlineData(ListingState.PendingReview, ReasonCodes.SuspectedMisclassification, AppealSubject.ReviewHold)]
    [InlineData(ListingState.PendingReview, ReasonCodes.UnverifiedLocalOrigin, AppealSubject.UnverifiedOrigin)]
    public void A_listing_is_appealed_as_what_keeps_it_off_the_shop(ListingState state, string reason, AppealSubject subject) =>
        Appeal.SubjectFor(state, [reason]).Should().Be(subject);

    [Theory]
    [InlineData(ListingState.Published)]
    [InlineData(ListingState.Draft)]
    [InlineData(ListingState.Archived)]
    public void A_live_draft_or_archived_listing_has_nothing_to_appeal(ListingState state) =>
        Appeal.SubjectFor(state, []).Should().BeNull();

    [Fact]
    public void An_appeal_is_decided_once_with_a_note_and_is_overdue_only_while_open_past_its_due_time()
    {
        var appeal = Open();

        appeal.IsOverdueAt(Monday.AddDays(3)).Should().BeFalse();
        appeal.IsOverdueAt(Monday.AddDays(3).AddMinutes(1)).Should().BeTrue();
        FluentActions.Invoking(() => appeal.Grant(" ", "admin", Monday)).Should().Throw<DomainException>().Which.Code.Should().Be("appeal.note_required");

        appeal.Grant("NIB terverifikasi.", "admin", Monday.AddDays(4));

        appeal.Status.Should().Be(AppealStatus.Granted);
        appeal.IsOverdueAt(Monday.AddDays(5)).Should().BeFalse();
        FluentActions.Invoking(() => appeal.Uphold("lagi", "admin", Monday)).Should().Throw<DomainException>().Which.Code.Should().Be("appeal.decided");
    }

    [Fact]
    public void An_appeal_needs_a_statement_and_takes_at_most_three_files()
    {
        FluentActions.Invoking(() => new Appeal(4, AppealSubject.Strike, 9, null, "  ", Monday, Monday)).Should().Throw<DomainException>().Which.Code.Should().Be("appeal.statement_required");
        var appeal = Open();
        for (var i = 0; i < Appeal.MaxDocuments; i++)
        {
            appeal.AddDocument($"{i}.pdf", "application/pdf", "nib.pdf", 100);
        }

        FluentActions.Invoking(() => appeal.AddDocument("x.pdf", "application/pdf", "x.pdf", 1)).Should().Throw<DomainException>().Which.Code.Should().Be("appeal.too_many_documents");
    }
}

using Marketplace.Domain.Audit;

namespace Marketplace.Domain.Tests.Audit;

public class AdminActionTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void An_action_records_who_what_target_why_and_when()
    {
        var action = new AdminAction(AdminActionKind.ClusterBlocked, "user-7", "admin@example.id", new AdminTarget(ClusterId: 3), "  Perlindungan UMKM ", "suspended=4", At);

        action.Kind.Should().Be(AdminActionKind.ClusterBlocked);
        action.ActorUserId.Should().Be("user-7");
        action.ActorEmail.Should().Be("admin@example.id");
        action.ClusterId.Should().Be(3);
        action.SellerId.Should().BeNull();
        action.Reason.Should().Be("Perlindungan UMKM");
        action.Details.Should().Be("suspended=4");
        action.At.Should().Be(At);
    }

    [Theory]
    [InlineData(AdminActionKind.ClusterBlocked)]
    [InlineData(AdminActionKind.ClusterBlockScheduled)]
    [InlineData(AdminActionKind.ClusterOpened)]
    [InlineData(AdminActionKind.ListingRejected)]
    [InlineData(AdminActionKind.SellerSuspended)]
    [InlineData(AdminActionKind.SellerReinstated)]
    public void Actions_that_take_something_down_or_bring_it_back_need_a_reason(AdminActionKind kind)
    {
        var act = () => new AdminAction(kind, "user-7", "admin@example.id", new AdminTarget(), "  ", null, At);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("admin_action.reason_required");
    }

    [Theory]
    [InlineData(AdminActionKind.ClusterCreated)]
    [InlineData(AdminActionKind.CategoryRenamed)]
    [InlineData(AdminActionKind.LexiconReplaced)]
    [InlineData(AdminActionKind.ListingApproved)]
    [InlineData(AdminActionKind.SellerVerified)]
    public void Other_actions_may_go_without_a_reason(AdminActionKind kind)
    {
        new AdminAction(kind, "user-7", "admin@example.id", new AdminTarget(), null, null, At).Reason.Should().BeNull();
    }

    [Fact]
    public void An_action_without_its_actor_is_refused()
    {
        var act = () => new AdminAction(AdminActionKind.SellerVerified, "user-7", " ", new AdminTarget(SellerId: 1), null, null, At);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("admin_action.actor_required");
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused()
    {
        var act = () => new AdminAction(AdminActionKind.SellerSuspended, "user-7", "admin@example.id", new AdminTarget(SellerId: 1), new string('x', AdminAction.ReasonMaxLength + 1), null, At);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("admin_action.reason_too_long");
    }
}

using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Sellers;

namespace Marketplace.Domain.Tests.Enforcement;

public class ShopClosureTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_closure_is_due_from_its_instant_until_applied_or_reversed()
    {
        var closure = new ShopClosure([7, 3, 7], "Pedagang asing di klaster tertutup", Now.AddDays(7), "admin", Now);

        closure.SellerIds.Should().Equal(3, 7);
        closure.IsDueAt(Now.AddDays(7).AddSeconds(-1)).Should().BeFalse();
        closure.IsDueAt(Now.AddDays(7)).Should().BeTrue();

        closure.MarkApplied(Now.AddDays(7));

        closure.IsDueAt(Now.AddDays(8)).Should().BeFalse();
        FluentActions.Invoking(() => closure.MarkApplied(Now.AddDays(8))).Should().Throw<DomainException>().Which.Code.Should().Be("closure.not_pending");
    }

    [Fact]
    public void A_closure_needs_shops_and_a_reason_and_an_instant_in_the_past_means_now()
    {
        FluentActions.Invoking(() => new ShopClosure([], "alasan", Now, "admin", Now)).Should().Throw<DomainException>().Which.Code.Should().Be("closure.no_shops");
        FluentActions.Invoking(() => new ShopClosure([1], " ", Now, "admin", Now)).Should().Throw<DomainException>().Which.Code.Should().Be("closure.reason_required");
        new ShopClosure([1], "alasan", Now.AddDays(-1), "admin", Now).ClosesAt.Should().Be(Now);
    }

    [Fact]
    public void A_closed_shop_is_read_only_and_reopens_active()
    {
        var seller = new Seller("user-1", "Toko Asing", "toko-asing", SellerOrigin.CrossBorder, "CN", "Guangdong", "Shenzhen", null, Now);

        seller.Close("Pedagang asing", Now);

        seller.Status.Should().Be(SellerStatus.Closed);
        seller.IsReadOnly.Should().BeTrue();
        seller.Reinstate();
        seller.Status.Should().Be(SellerStatus.Active);
    }
}

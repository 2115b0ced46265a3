using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Tests.Orders;

public class CartTests
{
    private static readonly DateTimeOffset Opened = new(2026, 6, 1, 19, 30, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Later = Opened.AddMinutes(5);

    [Fact]
    public void Adding_a_listing_puts_it_in_the_cart_with_its_quantity()
    {
        var cart = NewCart();

        cart.Add(101, null, 2, Later);

        cart.Items.Should().ContainSingle().Which.Should().Match<CartItem>(i => i.ListingId == 101 && i.Quantity == 2);
        cart.UpdatedAt.Should().Be(Later);
    }

    [Fact]
    public void Buying_now_puts_the_listing_in_at_exactly_the_quantity_whether_or_not_it_was_there()
    {
        var cart = NewCart();
        cart.Add(101, null, 4, Opened);

        cart.Put(101, null, 2, Later);
        cart.Put(202, null, 3, Later);

        cart.Items.Select(i => (i.ListingId, i.Quantity)).Should().BeEquivalentTo([(101L, 2), (202L, 3)]);
    }

    [Fact]
    public void Adding_the_same_listing_again_adds_to_its_quantity()
    {
        var cart = NewCart();

        cart.Add(101, null, 2, Later);
        cart.Add(202, null, 1, Later);
        cart.Add(101, null, 3, Later);

        cart.Items.Select(i => (i.ListingId, i.Quantity)).Should().BeEquivalentTo([(101L, 5), (202L, 1)]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1_000)]
    [InlineData(int.MaxValue)]
    public void Adding_less_than_one_or_more_than_nine_hundred_ninety_nine_is_refused(int quantity)
    {
        var cart = NewCart();

        var act = () => cart.Add(101, null, quantity, Later);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("cart.quantity_invalid");
        cart.Items.Should().BeEmpty();
    }

    [Fact]
    public void Quantity_stops_at_nine_hundred_ninety_nine()
    {
        var cart = NewCart();

        cart.Add(202, null, 600, Later);
        cart.Add(202, null, 600, Later);
        cart.Add(202, null, 999, Later);

        cart.Items.Should().ContainSingle().Which.Quantity.Should().Be(999);
    }

    [Fact]
    public void Setting_a_quantity_replaces_it_and_stops_at_nine_hundred_ninety_nine()
    {
        var cart = NewCart();
        cart.Add(101, null, 4, Later);
        cart.Add(202, null, 4, Later);

        cart.SetQuantity(101, null, 1, Later);
        cart.SetQuantity(202, null, 5_000, Later);

        cart.Items.Select(i => (i.ListingId, i.Quantity)).Should().BeEquivalentTo([(101L, 1), (202L, 999)]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Setting_a_quantity_below_one_removes_the_listing(int quantity)
    {
        var cart = NewCart();
        cart.Add(101, null, 4, Later);
        cart.Add(202, null, 1, Later);

        cart.SetQuantity(101, null, quantity, Later.AddMinutes(1));

        cart.Items.Should().ContainSingle().Which.ListingId.Should().Be(202);
        cart.UpdatedAt.Should().Be(Later.AddMinutes(1));
    }

    [Fact]
    public void Setting_the_quantity_of_a_listing_not_in_the_cart_changes_nothing()
    {
        var cart = NewCart();
        cart.Add(101, null, 4, Later);

        cart.SetQuantity(999, null, 3, Later.AddMinutes(1));

        cart.Items.Should().ContainSingle().Which.Quantity.Should().Be(4);
        cart.UpdatedAt.Should().Be(Later);
    }

    [Fact]
    public void Removing_a_listing_takes_it_out()
    {
        var cart = NewCart();
        cart.Add(101, null, 4, Later);

        cart.Remove(101, null, Later);

        cart.Items.Should().BeEmpty();
    }

    [Fact]
    public void Merging_at_login_adds_up_quantities_and_empties_the_anonymous_cart()
    {
        var account = NewCart("user-7");
        account.Add(101, null, 2, Opened);
        account.Add(303, null, 1, Opened);
        var anonymous = NewCart();
        anonymous.Add(101, null, 3, Opened);
        anonymous.Add(202, null, 1, Opened);

        account.MergeFrom(anonymous, Later);

        account.Items.Select(i => (i.ListingId, i.Quantity)).Should().BeEquivalentTo([(101L, 5), (202L, 1), (303L, 1)]);
        anonymous.Items.Should().BeEmpty();
        account.UpdatedAt.Should().Be(Later);
        anonymous.UpdatedAt.Should().Be(Later);
    }

    [Fact]
    public void Merging_keeps_the_quantity_cap()
    {
        var account = NewCart("user-7");
        account.Add(101, null, 900, Opened);
        var anonymous = NewCart();
        anonymous.Add(101, null, 200, Opened);

        account.MergeFrom(anonymous, Later);

        account.Items.Should().ContainSingle().Which.Quantity.Should().Be(999);
    }

    [Fact]
    public void Anonymous_cart_is_given_to_the_first_user_only()
    {
        var cart = NewCart();

        cart.AssignTo("user-7");
        cart.AssignTo("user-8");

        cart.OwnerUserId.Should().Be("user-7");
    }

    private static Cart NewCart(string? owner = null) => new(Guid.NewGuid(), owner, Opened);
}

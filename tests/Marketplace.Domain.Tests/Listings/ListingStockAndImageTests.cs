namespace Marketplace.Domain.Tests.Listings;

public class ListingStockAndImageTests
{
    [Fact]
    public void Selling_part_of_the_stock_leaves_the_rest()
    {
        var listing = ListingStates.NewDraft();

        listing.DecrementStock(7);

        listing.Stock.Should().Be(13);
    }

    [Fact]
    public void Selling_the_whole_stock_leaves_none()
    {
        var listing = ListingStates.NewDraft();

        listing.DecrementStock(20);

        listing.Stock.Should().Be(0);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(0)]
    [InlineData(-1)]
    public void Selling_more_than_the_stock_or_nothing_is_refused_and_the_stock_stays(int quantity)
    {
        var listing = ListingStates.NewDraft();

        var act = () => listing.DecrementStock(quantity);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.insufficient_stock");
        listing.Stock.Should().Be(20);
    }

    [Fact]
    public void Restock_adds_to_the_stock_and_refuses_a_quantity_below_one()
    {
        var listing = ListingStates.NewDraft();

        listing.Restock(5);
        var act = () => listing.Restock(0);

        listing.Stock.Should().Be(25);
        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.restock_invalid");
    }

    [Fact]
    public void Eight_images_are_accepted_in_order_and_a_ninth_is_refused()
    {
        var listing = ListingStates.NewDraft();
        for (var i = 0; i < 8; i++)
        {
            listing.AddImage($"img-{i}.webp", "image/webp");
        }

        var act = () => listing.AddImage("img-8.webp", "image/webp");

        act.Should().Throw<DomainException>().Which.Code.Should().Be("listing.too_many_images");
        listing.Images.Should().HaveCount(8);
        listing.Images.Select(i => i.Position).Should().Equal(0, 1, 2, 3, 4, 5, 6, 7);
    }

    [Fact]
    public void Removing_an_image_makes_room_for_another()
    {
        var listing = ListingStates.NewDraft();
        for (var i = 0; i < 8; i++)
        {
            listing.AddImage($"img-{i}.webp", "image/webp");
        }

        listing.RemoveImage("img-3.webp");
        listing.AddImage("img-8.webp", "image/jpeg");

        listing.Images.Select(i => i.StoredName).Should().NotContain("img-3.webp").And.Contain("img-8.webp").And.HaveCount(8);
    }
}

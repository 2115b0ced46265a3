using System.Net;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Storefront;

public sealed class CartTests(CartTests.Fixture fixture) : IClassFixture<CartTests.Fixture>
{
    private MarketplaceApp App => fixture.App;

    private StorefrontData Data => new(App);

    [Fact]
    public async Task Anonymous_cart_is_kept_in_the_database_behind_an_http_only_cookie()
    {
        var listing = await Data.ListingAsync(fixture.Seller, "keripik", "Keripik Tempe Sagu", 18_000);
        var shopper = App.CreateBrowserClient();

        using var added = await shopper.AddToCartAsync(listing, 2);

        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        added.Headers.Location!.OriginalString.Should().Be("/Cart");
        var cookie = added.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mp.cart=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=lax");
        var cartId = Guid.ParseExact(cookie["mp.cart=".Length..cookie.IndexOf(';', StringComparison.Ordinal)], "N");
        (await shopper.CartAsync()).Should().Equal(new CartLineSeen(listing, "Available", 2, true));
        (await App.CreateBrowserClient().CartAsync()).Should().BeEmpty("another visitor has a cart of their own");
        var stored = await Data.WithDbAsync(db => db.Carts.Include(c => c.Items).SingleAsync(c => c.Id == cartId));
        stored.OwnerUserId.Should().BeNull();
        stored.Items.Should().ContainSingle(i => i.ListingId == listing && i.Quantity == 2);
    }

    [Fact]
    public async Task Quantities_cannot_exceed_the_stock()
    {
        var listing = await Data.ListingAsync(fixture.Seller, "keripik", "Keripik Pisang Coklat", 22_000, stock: 3);
        var shopper = App.CreateBrowserClient();
        (await shopper.AddToCartAsync(listing, 2)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var tooMany = await shopper.AddToCartAsync(listing, 2);
        tooMany.Headers.Location!.OriginalString.Should().Be($"/p/{listing}");
        var productPage = await shopper.GetDocumentAsync($"/p/{listing}");
        productPage.Text(".alert-warning").Should().Be("Stok hanya tersisa 3, dan 2 sudah ada di keranjang Anda.");

        (await shopper.SetQuantityAsync(listing, 5)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await shopper.GetDocumentAsync("/Cart")).Text("[role=status]").Should().Be("Stok hanya tersisa 3.");
        (await shopper.CartAsync()).Single().Quantity.Should().Be(2);

        (await shopper.SetQuantityAsync(listing, 3)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await shopper.CartAsync()).Single().Quantity.Should().Be(3);
    }

    [Fact]
    public async Task Anonymous_cart_merges_into_the_account_cart_at_log_in()
    {
        var both = await Data.ListingAsync(fixture.Seller, "keripik", "Keripik Kentang Balado", 20_000);
        var onlyAnonymous = await Data.ListingAsync(fixture.Seller, "sambal", "Sambal Bawang Pedas", 35_000);
        var user = await TestUsers.CreateAsync(App, "merge@example.id", Roles.Shopper);
        var earlier = await TestUsers.SignedInClientAsync(App, user.Email!);
        await earlier.AddToCartAsync(both, 1);

        var shopper = App.CreateBrowserClient();
        await shopper.AddToCartAsync(both, 2);
        await shopper.AddToCartAsync(onlyAnonymous, 1);
        using var login = await shopper.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = TestUsers.Password,
        });

        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        login.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("mp.cart=;", StringComparison.Ordinal), "the anonymous cart cookie is removed");
        (await shopper.CartAsync()).Select(l => (l.ListingId, l.Quantity)).Should().BeEquivalentTo([(both, (int?)3), (onlyAnonymous, (int?)1)]);
        (await earlier.CartAsync()).Should().HaveCount(2, "the account has one cart, whichever device reads it");
        var carts = await Data.WithDbAsync(db => db.Carts.Where(c => c.Items.Any(i => i.ListingId == onlyAnonymous)).CountAsync());
        carts.Should().Be(1, "the anonymous cart was folded into the account's cart");
    }

    [Fact]
    public async Task Anonymous_cart_becomes_the_new_account_cart_at_registration()
    {
        var listing = await Data.ListingAsync(fixture.Seller, "sambal", "Sambal Cumi Asin", 45_000);
        var shopper = App.CreateBrowserClient();
        await shopper.AddToCartAsync(listing, 1);

        using var registered = await shopper.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Rina",
            ["Input.Email"] = "rina.baru@example.id",
            ["Input.Password"] = "cukup-panjang-1",
            ["Input.ConfirmPassword"] = "cukup-panjang-1",
        });

        registered.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await shopper.CartAsync()).Should().Equal(new CartLineSeen(listing, "Available", 1, true));
        var owner = await Data.WithDbAsync(db => db.Carts.Where(c => c.Items.Any(i => i.ListingId == listing)).Select(c => c.OwnerUserId).SingleAsync());
        owner.Should().NotBeNull();
    }

    [Fact]
    public async Task Sold_out_line_is_shown_as_such_and_checkout_is_not_offered()
    {
        var listing = await Data.ListingAsync(fixture.Seller, "sambal", "Sambal Matah Bali", 30_000, stock: 1);
        var shopper = App.CreateBrowserClient();
        await shopper.AddToCartAsync(listing, 1);
        await Data.WithDbAsync(async db =>
        {
            (await db.Listings.SingleAsync(l => l.Id == listing)).DecrementStock(1);
            return await db.SaveChangesAsync();
        });

        var page = await shopper.GetDocumentAsync("/Cart");

        (await shopper.CartAsync()).Should().Equal(new CartLineSeen(listing, "SoldOut", null, true));
        page.Text(".cart-line").Should().Contain("Stok habis");
        page.QuerySelector("a[href='/Checkout']").Should().BeNull();
        page.QuerySelector("button[disabled]")!.TextContent.Should().Be("Lanjut ke pembayaran");
    }

    public sealed class Fixture : AppFixture
    {
        public int Seller { get; private set; }

        protected override async Task SeedAsync(MarketplaceApp app) =>
            Seller = await new StorefrontData(app).SellerAsync("camilan-nusantara", "Camilan Nusantara", "Jawa Timur", "Malang");
    }
}

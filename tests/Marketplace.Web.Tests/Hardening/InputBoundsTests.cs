using System.Net;
using Marketplace.Web.Data;
using Marketplace.Web.Tests.Admin;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Hardening;

/// <summary>Quantities and dates checked where they come in, with a message in the shopper's or admin's language.</summary>
public sealed class InputBoundsTests(InputBoundsTests.Fixture fixture) : IClassFixture<InputBoundsTests.Fixture>
{
    private const string MigrationBeforeBounds = "20261122050000_AdminConsole";

    private MarketplaceApp App => fixture.App;

    private StorefrontData Data => new(App);

    [Fact]
    public async Task Adding_int_max_value_to_a_line_is_refused_and_the_cart_still_opens()
    {
        var listing = await Data.ListingAsync(fixture.Seller, "keripik", "Keripik Singkong Pedas", 15_000, stock: 50);
        var shopper = App.CreateBrowserClient();
        await shopper.AddToCartAsync(listing, 1);

        using var huge = await shopper.AddToCartAsync(listing, int.MaxValue);

        huge.StatusCode.Should().Be(HttpStatusCode.Redirect);
        huge.Headers.Location!.OriginalString.Should().Be($"/p/{listing}");
        (await shopper.GetDocumentAsync($"/p/{listing}")).Text(".alert-warning").Should().Be("Jumlah per produk harus antara 1 dan 999.");
        (await shopper.CartAsync()).Should().Equal(new CartLineSeen(listing, "Available", 1, true));
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(1_000)]
    [InlineData(int.MaxValue)]
    public async Task A_cart_quantity_outside_one_to_999_is_refused_with_a_message(int quantity)
    {
        var listing = await Data.ListingAsync(fixture.Seller, "sambal", "Sambal Roa " + quantity, 40_000, stock: 5_000);
        var shopper = App.CreateBrowserClient();
        await shopper.AddToCartAsync(listing, 2);

        (await shopper.SetQuantityAsync(listing, quantity)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var cart = await shopper.GetDocumentAsync("/Cart");
        cart.Text("[role=status]").Should().Be("Jumlah per produk harus antara 1 dan 999.");
        (await shopper.CartAsync()).Single().Quantity.Should().Be(2);
    }

    [Fact]
    public async Task A_cart_that_already_holds_a_wrapped_around_quantity_is_healed_by_the_migration()
    {
        var listing = await Data.ListingAsync(fixture.Seller, "keripik", "Keripik Tempe Original", 12_000);
        var other = await Data.ListingAsync(fixture.Seller, "keripik", "Keripik Talas", 14_000);
        var shopper = App.CreateBrowserClient();
        await shopper.AddToCartAsync(listing, 1);
        await shopper.AddToCartAsync(other, 1);
        await MigrateAsync(MigrationBeforeBounds);
        await Data.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE cart_items SET quantity = {-2_147_483_647} WHERE listing_id = {listing}");
            return await db.Database.ExecuteSqlAsync($"UPDATE cart_items SET quantity = {5_000} WHERE listing_id = {other}");
        });
        (await shopper.GetAsync("/Cart")).StatusCode.Should().Be(HttpStatusCode.InternalServerError, "this is the broken cart the migration heals");

        await MigrateAsync(null);

        (await shopper.CartAsync()).Should().Equal(new CartLineSeen(other, "NotEnoughStock", 999, true));
        var act = () => Data.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE cart_items SET quantity = {-1} WHERE listing_id = {other}"));
        (await act.Should().ThrowAsync<Npgsql.PostgresException>()).Which.ConstraintName.Should().Be("ck_cart_items_quantity");
    }

    [Theory]
    [InlineData("from=0001-01-01")]
    [InlineData("to=9999-12-31")]
    [InlineData("tab=Actions&from=0001-01-01&to=9999-12-31")]
    public async Task An_audit_date_outside_the_years_the_trail_can_hold_is_ignored_with_a_message(string query)
    {
        var admin = await AdminPages.AdminClientAsync(App);

        using var page = await admin.GetAsync("/Admin/Audit?" + query);
        using var export = await admin.GetAsync("/Admin/Audit?handler=Export&" + query);

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FormPost.ParseAsync(page)).Text("main .alert-danger").Should().Be("Tanggal harus antara 01/01/2000 dan 31/12/2099; filter tanggal itu diabaikan.");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.Should().Be("text/html", "the export is refused before its first byte rather than cut off");
        (await FormPost.ParseAsync(export)).Text("main .alert-danger").Should().StartWith("Tanggal harus antara");
    }

    private async Task MigrateAsync(string? target)
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().GetService<IMigrator>().MigrateAsync(target);
    }

    public sealed class Fixture : AppFixture
    {
        public int Seller { get; private set; }

        protected override async Task SeedAsync(MarketplaceApp app) => Seller = await new StorefrontData(app).SellerAsync("toko-batas", "Toko Batas");
    }
}

using System.Globalization;
using System.Net;
using Marketplace.Domain.Orders;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Shipping;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Storefront;

public sealed class CheckoutTests(CheckoutTests.Fixture fixture) : IClassFixture<CheckoutTests.Fixture>
{
    private MarketplaceApp App => fixture.App;

    private StorefrontData Data => new(App);

    [Fact]
    public async Task Anonymous_shopper_is_sent_to_log_in_before_checkout()
    {
        using var response = await App.CreateBrowserClient().GetAsync("/Checkout");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/Account/Login");
        response.Headers.Location.Query.Should().Contain(Uri.EscapeDataString("/Checkout"));
    }

    [Fact]
    public async Task Order_from_two_sellers_is_split_into_one_part_per_seller_each_with_its_shipping_fee()
    {
        var batik = await Data.ListingAsync(fixture.BatikShop, "batik-cap", "Kain Batik Cap Mega Mendung", 200_000, stock: 5);
        var scarf = await Data.ListingAsync(fixture.BatikShop, "selendang-syal", "Selendang Batik Sutra", 150_000, stock: 5);
        var coffee = await Data.ListingAsync(fixture.CoffeeShop, "kopi-bubuk", "Kopi Gayo Arabika 250 g", 85_000, stock: 9);
        var shopper = await ShopperAsync("split@example.id");
        await shopper.AddToCartAsync(batik, 2);
        await shopper.AddToCartAsync(scarf, 1);
        await shopper.AddToCartAsync(coffee, 3);

        using var placed = await shopper.CheckOutAsync();

        placed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var confirmationUrl = placed.Headers.Location!.OriginalString;
        confirmationUrl.Should().MatchRegex("^/Checkout/Confirmation/MP-[0-9]{8}-[2-9A-HJKMNP-Z]{6}$");
        var number = confirmationUrl[(confirmationUrl.LastIndexOf('/') + 1)..];
        var order = await Data.WithDbAsync(db => db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Number == number));
        order.Parts.Select(p => (p.SellerId, p.Lines.Count)).Should().BeEquivalentTo([(fixture.BatikShop, 2), (fixture.CoffeeShop, 1)]);
        var batikShipping = await ExpectedShipping.CheapestAsync(App, "DI Yogyakarta", (batik, 2), (scarf, 1));
        var coffeeShipping = await ExpectedShipping.CheapestAsync(App, "DI Yogyakarta", (coffee, 3));
        order.Parts.Single(p => p.SellerId == fixture.BatikShop).ShippingFee.Should().Be(batikShipping.Price, "one parcel per seller, priced by its chargeable weight");
        order.Parts.Single(p => p.SellerId == fixture.CoffeeShop).ShippingFee.Should().Be(coffeeShipping.Price);
        order.Total.Should().Be(new Domain.Rupiah(550_000 + 255_000) + batikShipping.Price + coffeeShipping.Price);
        order.PaymentMethod.Should().Be(PaymentMethod.CashOnDelivery);
        order.Address.Province.Should().Be("DI Yogyakarta");

        var confirmation = await shopper.GetDocumentAsync(confirmationUrl);
        confirmation.QuerySelectorAll(".order-part").Should().HaveCount(2);
        confirmation.Text(".order-number").Should().Be(number);
        confirmation.Text(".order-total").Should().Be(order.Total.ToString());
        var stocks = await Data.WithDbAsync(db => db.Listings.Where(l => l.Id == batik || l.Id == scarf || l.Id == coffee).OrderBy(l => l.Id).Select(l => l.Stock).ToListAsync());
        stocks.Should().Equal(3, 4, 6);
        (await shopper.CartAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Two_shoppers_checking_out_the_last_unit_at_once_cannot_both_succeed()
    {
        for (var round = 1; round <= 3; round++)
        {
            var lastOne = await Data.ListingAsync(fixture.CoffeeShop, "kopi-biji", $"Kopi Luwak Liar Edisi {round}", 400_000, stock: 1);
            var first = await ShopperAsync($"race{round}a@example.id");
            var second = await ShopperAsync($"race{round}b@example.id");
            await first.AddToCartAsync(lastOne);
            await second.AddToCartAsync(lastOne);
            var (firstAction, firstForm) = await first.PrepareFormAsync(Shopping.CheckoutUrl, Shopping.Address());
            var (secondAction, secondForm) = await second.PrepareFormAsync(Shopping.CheckoutUrl, Shopping.Address());

            var responses = await Task.WhenAll(first.PostAsync(firstAction, firstForm), second.PostAsync(secondAction, secondForm));

            responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).Should().Be(1, "round {0}: exactly one checkout gets the last unit", round);
            var refused = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
            (await FormPost.ParseAsync(refused)).Text(".alert-danger").Should().Contain($"Kopi Luwak Liar Edisi {round}: stok habis, sudah dibeli pembeli lain");
            var (stock, sold) = await Data.WithDbAsync(async db => (
                await db.Listings.Where(l => l.Id == lastOne).Select(l => l.Stock).SingleAsync(),
                await db.OrderLines.Where(l => l.ListingId == lastOne).SumAsync(l => l.Quantity)));
            stock.Should().Be(0);
            sold.Should().Be(1);
        }
    }

    [Fact]
    public async Task Checkout_waits_for_a_block_of_its_cluster_in_progress_and_then_refuses_the_blocked_listing()
    {
        var gadgets = await Data.SellerAsync("gadget-sg", "Gadget SG", "Singapore", "Singapore", "SG");
        var speaker = await Data.ListingAsync(gadgets, "speaker", "Speaker Bluetooth Mini Impor", 350_000, stock: 5, origin: Marketplace.Domain.Listings.ProductOrigin.Imported);
        var shopper = await ShopperAsync("block-race@example.id");
        await shopper.AddToCartAsync(speaker);
        var (action, form) = await shopper.PrepareFormAsync(Shopping.CheckoutUrl, Shopping.Address());
        var electronics = await Data.WithDbAsync(db => db.Clusters.Where(c => c.Code == "ELECTRONICS").Select(c => c.Id).SingleAsync());

        // A block holds its cluster's row lock while it sweeps; the checkout must queue behind it, not slip past.
        await using var admin = new Npgsql.NpgsqlConnection(App.ConnectionString);
        await admin.OpenAsync();
        await using var block = await admin.BeginTransactionAsync();
        await using (var lockCluster = new Npgsql.NpgsqlCommand($"SELECT 1 FROM clusters WHERE id = {electronics} FOR UPDATE", admin, block))
        {
            await lockCluster.ExecuteNonQueryAsync();
        }

        var checkout = shopper.PostAsync(action, form);
        await Eventually.WaitForLockWaiterAsync(App.ConnectionString);
        checkout.IsCompleted.Should().BeFalse("the checkout waits for the block holding the cluster");

        await using (var insert = new Npgsql.NpgsqlCommand(
            $"INSERT INTO cluster_blocks (cluster_id, starts_at, reason, created_by, created_at) VALUES ({electronics}, now(), 'Uji', 'test', now())", admin, block))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await block.CommitAsync();
        try
        {
            using var response = await checkout;

            response.StatusCode.Should().Be(HttpStatusCode.OK, "the checkout is refused, not placed");
            (await FormPost.ParseAsync(response)).Text(".alert-danger").Should().Contain(
                "Speaker Bluetooth Mini Impor: tidak lagi dijual, karena penjualan produk lintas negara di kluster Elektronik ditutup",
                "the shopper is told which item was refused and why");
            var (stock, sold) = await Data.WithDbAsync(async db => (
                await db.Listings.Where(l => l.Id == speaker).Select(l => l.Stock).SingleAsync(),
                await db.OrderLines.Where(l => l.ListingId == speaker).SumAsync(l => l.Quantity)));
            stock.Should().Be(5);
            sold.Should().Be(0);
        }
        finally
        {
            // The class's other tests share this database and its open Electronics cluster.
            await Data.WithDbAsync(db => db.ClusterBlocks.Where(b => b.ClusterId == electronics && b.LiftedAt == null)
                .ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task Checkout_confirmed_before_the_cart_changed_in_another_tab_is_refused_until_the_shopper_sees_the_new_summary()
    {
        var first = await Data.ListingAsync(fixture.CoffeeShop, "kopi-bubuk", "Kopi Kintamani Bali", 90_000);
        var second = await Data.ListingAsync(fixture.BatikShop, "batik-cap", "Kain Batik Cap Lasem", 210_000);
        var shopper = await ShopperAsync("dua-tab@example.id");
        await shopper.AddToCartAsync(first);
        var (action, confirmedForm) = await shopper.PrepareFormAsync(Shopping.CheckoutUrl, Shopping.Address());
        await shopper.AddToCartAsync(second);

        using var refused = await shopper.PostAsync(action, confirmedForm);
        using var placed = await shopper.CheckOutAsync();

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FormPost.ParseAsync(refused)).Text(".alert-danger").Should().Be("Isi keranjang Anda berubah. Periksa lagi ringkasan pesanan, lalu buat pesanan.");
        placed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var number = placed.Headers.Location!.OriginalString.Split('/')[^1];
        var ordered = await Data.WithDbAsync(db => db.OrderLines.Where(l => db.Orders.Any(o => o.Id == l.OrderId && o.Number == number)).Select(l => l.ListingId).ToListAsync());
        ordered.Should().BeEquivalentTo([first, second]);
    }

    [Fact]
    public async Task Price_changed_after_the_shopper_read_the_summary_is_shown_again_before_ordering()
    {
        var listing = await Data.ListingAsync(fixture.CoffeeShop, "kopi-bubuk", "Kopi Flores Bajawa", 80_000);
        var shopper = await ShopperAsync("harga-naik@example.id");
        await shopper.AddToCartAsync(listing);
        var (action, confirmedForm) = await shopper.PrepareFormAsync(Shopping.CheckoutUrl, Shopping.Address());
        await Data.WithDbAsync(async db =>
        {
            var row = await db.Listings.SingleAsync(l => l.Id == listing);
            row.SetPriceAndStock(new Domain.Rupiah(95_000), row.Stock, StorefrontData.Now);
            return await db.SaveChangesAsync();
        });

        using var refused = await shopper.PostAsync(action, confirmedForm);

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await FormPost.ParseAsync(refused);
        page.Text(".alert-danger").Should().Contain("Kopi Flores Bajawa: harganya berubah menjadi Rp 95.000.", "the shopper is told which item changed and how");
        var shipping = await ExpectedShipping.CheapestAsync(App, "DI Yogyakarta", (listing, 1));
        page.Text(".order-total").Should().Be((new Domain.Rupiah(95_000) + shipping.Price).ToString(), "the summary now shows the new price");
        (await Data.WithDbAsync(db => db.OrderLines.CountAsync(l => l.ListingId == listing))).Should().Be(0);
    }

    [Fact]
    public async Task Failed_checkout_keeps_what_the_shopper_typed_and_explains_in_their_language()
    {
        var listing = await Data.ListingAsync(fixture.CoffeeShop, "kopi-bubuk", "Kopi Toraja Sapan", 95_000);
        var shopper = await ShopperAsync("typo@example.id");
        await shopper.AddToCartAsync(listing);

        using var refused = await shopper.CheckOutAsync(Shopping.Address(postalCode: "5527"));
        var page = await FormPost.ParseAsync(refused);
        shopper.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c=en-US|uic=en-US");
        using var refusedInEnglish = await shopper.CheckOutAsync(Shopping.Address(postalCode: "5527"));

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Text("[data-valmsg-for='Input.PostalCode']").Should().Be("Kode pos terdiri dari 5 angka.");
        page.QuerySelector("input[name='Input.RecipientName']")!.GetAttribute("value").Should().Be("Siti Rahayu");
        page.QuerySelector("textarea[name='Input.Street']")!.TextContent.Trim().Should().Be("Jl. Malioboro 12, RT 03/RW 05");
        page.QuerySelector("select[name='Input.Province'] option[selected]")!.TextContent.Should().Be("DI Yogyakarta");
        page.QuerySelector("input[name='Input.PaymentMethod'][value=CashOnDelivery]")!.HasAttribute("checked").Should().BeTrue();
        page.QuerySelector("input[name='Input.PostalCode']")!.GetAttribute("value").Should().Be("5527");
        (await FormPost.ParseAsync(refusedInEnglish)).Text("[data-valmsg-for='Input.PostalCode']").Should().Be("A postal code has 5 digits.");
        (await Data.WithDbAsync(db => db.Orders.CountAsync(o => o.Lines.Any(l => l.ListingId == listing)))).Should().Be(0);
    }

    [Fact]
    public async Task Shopper_sees_their_orders_with_dates_in_their_language_and_never_another_shoppers()
    {
        var listing = await Data.ListingAsync(fixture.BatikShop, "batik-cap", "Kain Batik Cap Kawung", 180_000);
        var owner = await ShopperAsync("pemilik@example.id");
        var other = await ShopperAsync("tetangga@example.id");
        await owner.AddToCartAsync(listing);
        using var placed = await owner.CheckOutAsync();
        var number = placed.Headers.Location!.OriginalString.Split('/')[^1];
        var placedAt = await Data.WithDbAsync(db => db.Orders.Where(o => o.Number == number).Select(o => o.PlacedAt).SingleAsync());

        var history = await owner.GetDocumentAsync("/Orders");
        var detail = await owner.GetDocumentAsync($"/Orders/{number}");
        using var othersDetail = await other.GetAsync($"/Orders/{number}");
        using var othersConfirmation = await other.GetAsync($"/Checkout/Confirmation/{number}");
        var othersHistory = await other.GetDocumentAsync("/Orders");
        owner.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c=en-US|uic=en-US");
        var historyInEnglish = await owner.GetDocumentAsync("/Orders");

        var wib = placedAt.ToOffset(TimeSpan.FromHours(7));
        history.Text(".order-cards").Should().Contain(number).And.Contain(wib.ToString("f", new CultureInfo("id-ID")) + " WIB");
        historyInEnglish.Text(".order-cards").Should().Contain(wib.ToString("f", new CultureInfo("en-US")) + " WIB");
        detail.Text("h1").Should().Be($"Pesanan {number}");
        othersDetail.StatusCode.Should().Be(HttpStatusCode.NotFound);
        othersConfirmation.StatusCode.Should().Be(HttpStatusCode.NotFound);
        othersHistory.Text("main").Should().Contain("Anda belum pernah memesan.").And.NotContain(number);
    }

    private async Task<HttpClient> ShopperAsync(string email)
    {
        await TestUsers.CreateAsync(App, email, Roles.Shopper);
        return await TestUsers.SignedInClientAsync(App, email);
    }

    public sealed class Fixture : AppFixture
    {
        public int BatikShop { get; private set; }

        public int CoffeeShop { get; private set; }

        protected override async Task SeedAsync(MarketplaceApp app)
        {
            var data = new StorefrontData(app);
            BatikShop = await data.SellerAsync("batik-pekalongan", "Batik Pekalongan", "Jawa Tengah", "Pekalongan");
            CoffeeShop = await data.SellerAsync("kopi-aceh", "Kopi Aceh", "Aceh", "Takengon");
        }
    }
}

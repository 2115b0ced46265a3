using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Marketplace.Domain;
using Marketplace.Domain.Money;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Features.Payouts;
using Marketplace.Web.Features.Shipping;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>A shop of the walk's own (so its balance is the walk's alone) with one live listing.</summary>
internal sealed record Shop(int SellerId, string Email, string StoreName, long ListingId, string Title);

/// <summary>The service the shopper chose at checkout instead of the one offered first, and what the site quoted for it.</summary>
internal sealed record ChosenService(string Code, string DisplayName, Rupiah Price);

/// <summary>The steps of the walks, each checking what a person would see before moving on, each with a screenshot.</summary>
internal sealed partial class Walk(WalkFixture fixture, string name)
{
    /// <summary>The province the shoppers ship to; the scenario's shops are in Jawa Barat, so the route crosses zones.</summary>
    private const string Destination = "Aceh";

    /// <summary>A6 in PDF points (105 × 148 mm at 72 points per inch).</summary>
    private const double A6Width = 297.64;
    private const double A6Height = 419.53;

    private MarketplaceApp App => fixture.App;

    /// <summary>
    /// The first walk: buy with a courier of choice, pay in the sandbox, book the courier, print the label, tracking to the
    /// door, "Pesanan diterima", the balance available, a bank account changed by e-mail and its 24 hours, the withdrawal
    /// settled by the disbursement callback; every day of the walk reconciles.
    /// </summary>
    public async Task BuyShipAndPayOutAsync()
    {
        var firstDay = Wib.DayOf(fixture.Clock.GetUtcNow());
        var shop = await ShopAsync("Kemeja Batik Mega Mendung");
        var shopper = await ShopperAsync();

        var chosen = await CheckOutWithAnotherCourierAsync(shopper, shop);
        var number = await PlaceAndPayAsync(shopper);

        var seller = await PersonAsync(shop.Email);
        var resi = await BookCourierAsync(seller, number, chosen);
        await PrintLabelPdfAsync(seller, number);
        await TrackUntilDeliveredAsync(seller, number);

        await SeeTimelineAndConfirmReceiptAsync(shopper, number, resi);

        var expected = await ExpectedAvailableAsync(shop, chosen.Price);
        await SeeBalanceAsync(seller, pending: Rupiah.Zero, available: expected, step: "saldo-available");
        await AddFirstBankAccountAsync(seller, shop);
        await ChangeBankAccountByEmailAsync(seller, shop);
        await WithdrawDuringCoolingOffAsync(seller, expected);

        fixture.Clock.Advance(TimeSpan.FromHours(25));
        await WithdrawAndSettleAsync(seller, expected);

        (await LedgerBalanceAsync(LedgerAccount.PayoutsInTransit(shop.SellerId))).Should().Be(0, "the callback settled the payout");
        await ReconciliationBalancesAsync(firstDay);
    }

    /// <summary>The second walk: a delivered order, a complaint with a photo, the seller accepts, the shopper is refunded; every day reconciles.</summary>
    public async Task ComplainAndRefundAsync()
    {
        var firstDay = Wib.DayOf(fixture.Clock.GetUtcNow());
        var shop = await ShopAsync("Tas Anyaman Pandan");
        var shopper = await ShopperAsync();

        await CheckOutWithAnotherCourierAsync(shopper, shop);
        var number = await PlaceAndPayAsync(shopper);
        var seller = await PersonAsync(shop.Email);
        await BookCourierAsync(seller, number, null);
        await TrackUntilDeliveredAsync(seller, number);

        await ComplainWithPhotoAsync(shopper, number, shop);
        await AcceptComplaintAsync(seller, number);
        await SeeRefundAsync(shopper, number);
        await SeeBalanceAsync(seller, pending: Rupiah.Zero, available: Rupiah.Zero, step: "saldo-after-refund");

        (await LedgerBalanceAsync(LedgerAccount.SellerBalance(shop.SellerId))).Should().Be(0, "the refunded money never reaches the seller");
        (await LedgerBalanceAsync(LedgerAccount.Escrow(await OrderIdAsync(number), shop.SellerId))).Should().Be(0, "the escrow went back to the shopper");
        await ReconciliationBalancesAsync(firstDay);
    }

    public async Task<Shop> ShopAsync(string title)
    {
        var scenario = new PolicyScenario(App);
        var (sellerId, email) = await scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
        var listing = await scenario.CreatePublishedAsync(sellerId, PolicyScenario.Textile, title);
        var storeName = await scenario.WithDbAsync(db => db.Sellers.Where(s => s.Id == sellerId).Select(s => s.StoreName).SingleAsync());
        return new Shop(sellerId, email, storeName, listing, title);
    }

    public async Task<IPage> ShopperAsync()
    {
        var email = $"pembeli-{name}-{Guid.NewGuid():N}@example.id";
        await TestUsers.CreateAsync(App, email, Roles.Shopper);
        return await PersonAsync(email);
    }

    /// <summary>A browser of its own for one person at 390 px, signed in, in Indonesian.</summary>
    public async Task<IPage> PersonAsync(string email)
    {
        var context = await fixture.NewContextAsync(PageChecks.PhoneWidth, PageChecks.PhoneHeight);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, App, email);
        await PageChecks.UseLanguageAsync(page, "id");
        return page;
    }

    /// <summary>
    /// From the product page to the checkout: the address, "Hitung ongkir" for the province, and a courier service other
    /// than the one chosen first; the summary then charges that service's quote, as <see cref="ShippingQuotes"/> prices it.
    /// </summary>
    public async Task<ChosenService> CheckOutWithAnotherCourierAsync(IPage page, Shop shop)
    {
        await page.GotoAsync($"/p/{shop.ListingId}");
        await CheckAsync(page, "product");
        await page.ClickAsync("main form.add-to-cart button[type=submit]:not(.buy-now)");
        await page.WaitForURLAsync(new Regex("/Cart$"));
        await CheckAsync(page, "cart");
        await page.ClickAsync("main a[href='/Checkout']");
        await page.WaitForURLAsync(new Regex("/Checkout$"));

        await page.FillAsync("input[name='Input.RecipientName']", "Cut Nyak Dien");
        await page.FillAsync("input[name='Input.Phone']", "0811-6800-123");
        await page.FillAsync("textarea[name='Input.Street']", "Jl. Teuku Umar 7, Gampong Baro");
        await page.FillAsync("input[name='Input.City']", "Banda Aceh");
        await page.SelectOptionAsync("select[name='Input.Province']", Destination);
        await page.FillAsync("input[name='Input.PostalCode']", "23116");
        await page.ClickAsync("main .quote-shipping");
        var part = page.Locator($".courier-part[data-seller='{shop.SellerId}']");
        await part.Locator("input[type=radio]:checked").WaitForAsync();
        await CheckAsync(page, "checkout-quoted");

        var quotes = await QuotesAsync(shop);
        var radios = part.Locator("input[type=radio]");
        (await radios.CountAsync()).Should().Be(quotes.Count, "every service the courier quotes for the route is offered");
        var first = await part.Locator("input[type=radio]:checked").InputValueAsync();
        var other = quotes.First(q => q.Service.Code != first);
        await page.CheckAsync($"#courier-{shop.SellerId}-{other.Service.Code}");

        // The summary is the server's: quoting again with the choice made shows what placing the order will charge.
        await page.ClickAsync("main .quote-shipping");
        await page.Locator($"#courier-{shop.SellerId}-{other.Service.Code}:checked").WaitForAsync();
        var goods = await ListingPriceAsync(shop);
        (await page.Locator(".part-shipping").InnerTextAsync()).Should().Contain(other.Service.DisplayName).And.Contain(other.Price.ToString());
        (await page.Locator(".order-total").InnerTextAsync()).Should().Be((goods + other.Price).ToString());
        await page.CheckAsync("#payment-BankTransfer");
        await CheckAsync(page, "checkout-courier-chosen");
        return new ChosenService(other.Service.Code, other.Service.DisplayName, other.Price);
    }

    /// <summary>Places the order, is shown the virtual account, and pays it with the payment sandbox's button.</summary>
    public async Task<string> PlaceAndPayAsync(IPage page)
    {
        await page.ClickAsync("main form.checkout aside button[type=submit]");
        await page.WaitForURLAsync(new Regex("/Checkout/Confirmation/MP-"));
        var panel = page.Locator(".payment-panel");
        (await panel.GetAttributeAsync("data-payment-status")).Should().Be("AwaitingPayment");
        (await panel.Locator(".va-number").InnerTextAsync()).Should().MatchRegex("^[0-9]{16}$", "the shopper is told the virtual account to pay into");
        await CheckAsync(page, "confirmation-va");
        var number = await page.Locator(".order-number").InnerTextAsync();

        await page.GotoAsync($"/Orders/{number}");
        await page.ClickAsync(".sandbox-pay button[type=submit]");
        await page.Locator(".payment-paid").WaitForAsync();
        (await page.Locator(".order-stage").GetAttributeAsync("data-stage")).Should().NotBe("AwaitingPayment");
        await CheckAsync(page, "paid");
        return number;
    }

    /// <summary>The seller books the service the shopper chose (<paramref name="chosen"/>, when the walk checks it) and is given the resi.</summary>
    public async Task<string> BookCourierAsync(IPage page, string number, ChosenService? chosen)
    {
        await page.GotoAsync($"/Seller/Orders/{number}");
        if (chosen is not null)
        {
            (await page.Locator(".chosen-service").InnerTextAsync()).Should().Contain(chosen.DisplayName).And.Contain(chosen.Price.ToString());
        }

        await CheckAsync(page, "seller-order");
        await page.ClickAsync("#book-courier");
        await page.Locator(".parcel-tracking").WaitForAsync();
        var resi = (await page.Locator(".parcel-tracking .resi").InnerTextAsync()).Trim();
        resi.Should().NotBeEmpty();
        (await page.Locator("#done").InnerTextAsync()).Should().Contain(resi, "the seller is told the resi");
        (await page.Locator(".seller-order-lines li").GetAttributeAsync("data-status")).Should().Be("Packed", "the booked parcel waits for the pickup");
        await CheckAsync(page, "booked");
        return resi;
    }

    /// <summary>"Cetak label (PDF)": the server's PDF, one A6 page.</summary>
    public async Task PrintLabelPdfAsync(IPage page, string number)
    {
        var href = await page.Locator("#print-label-pdf").GetAttributeAsync("href");
        href.Should().Be($"/Seller/Orders/Labels?numbers={number}");
        var label = new TaskCompletionSource<IResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Seen(object? sender, IResponse response)
        {
            if (response.Url.Contains("/Seller/Orders/Labels", StringComparison.Ordinal))
            {
                label.TrySetResult(response);
            }
        }

        page.Context.Response += Seen;
        await page.ClickAsync("#print-label-pdf");
        var opened = await label.Task.WaitAsync(TimeSpan.FromSeconds(90));
        page.Context.Response -= Seen;
        opened.Status.Should().Be(200);
        opened.Headers["content-type"].Should().StartWith("application/pdf");

        // The body read again through the seller's own session: a headless browser hands a PDF to its viewer, not to the page.
        var pdf = await page.Context.APIRequest.GetAsync(href!);
        pdf.Headers["content-type"].Should().StartWith("application/pdf");
        var text = Encoding.Latin1.GetString(await pdf.BodyAsync());
        text.Should().StartWith("%PDF-");
        var boxes = MediaBox().Matches(text);
        boxes.Should().ContainSingle("one order prints one label page");
        var width = double.Parse(boxes[0].Groups["w"].Value, CultureInfo.InvariantCulture);
        var height = double.Parse(boxes[0].Groups["h"].Value, CultureInfo.InvariantCulture);
        width.Should().BeApproximately(A6Width, 0.5, "the label is A6 wide");
        height.Should().BeApproximately(A6Height, 0.5, "the label is A6 tall");
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}-label.pdf"), await pdf.BodyAsync());
        foreach (var other in page.Context.Pages.Where(p => p != page).ToList())
        {
            await other.CloseAsync();
        }
    }

    /// <summary>The sandbox courier's button sends the parcel's next signed event, again, until the parcel is delivered.</summary>
    public async Task TrackUntilDeliveredAsync(IPage page, string number)
    {
        var expected = new[] { "PickedUp", "InTransit", "OutForDelivery", "Delivered" };
        foreach (var stage in expected)
        {
            await page.ClickAsync("#next-tracking-event");
            await page.Locator($".parcel-tracking[data-stage={stage}]").WaitForAsync();
            (await page.Locator($".tracking-timeline li[data-stage={stage}]").CountAsync()).Should().Be(1, "the event {0} joins the timeline once", stage);
            await CheckAsync(page, "tracking-" + stage);
        }

        (await page.Locator("#next-tracking-event").CountAsync()).Should().Be(0, "a delivered parcel has no further event");
        (await page.Locator(".seller-order-lines li").GetAttributeAsync("data-status")).Should().Be("Delivered");
        page.Url.Should().EndWith($"/Seller/Orders/{number}");
    }

    public async Task SeeTimelineAndConfirmReceiptAsync(IPage page, string number, string resi)
    {
        await page.GotoAsync($"/Orders/{number}");
        var parcel = page.Locator(".parcel-tracking");
        (await parcel.GetAttributeAsync("data-stage")).Should().Be("Delivered");
        (await parcel.Locator(".resi").InnerTextAsync()).Trim().Should().Be(resi);
        (await parcel.Locator(".tracking-timeline li").CountAsync()).Should().Be(5, "booked, picked up, in transit, out for delivery and delivered");
        (await page.Locator(".order-details .tracking").InnerTextAsync()).Should().Contain(resi);
        await CheckAsync(page, "shopper-timeline");

        await page.ClickAsync("form.confirm-receipt button[type=submit]");
        await page.Locator(".receipt-done").WaitForAsync();
        (await page.Locator("#flash").InnerTextAsync()).Should().Be("Terima kasih! Pesanan selesai dan dana diteruskan ke penjual.");
        (await page.Locator("form.confirm-receipt").CountAsync()).Should().Be(0, "receipt is confirmed once");
        await CheckAsync(page, "received");
    }

    /// <summary>What the seller should have available after release: goods and shipping, less the platform fee the settings set for the listing's cluster.</summary>
    public async Task<Rupiah> ExpectedAvailableAsync(Shop shop, Rupiah shipping)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var cluster = await (from listing in db.Listings
                             join category in db.Categories on listing.CategoryId equals category.Id
                             join c in db.Clusters on category.ClusterId equals (int?)c.Id into clustered
                             from c in clustered.DefaultIfEmpty()
                             where listing.Id == shop.ListingId
                             select c == null ? null : c.Code).SingleAsync();
        var goods = await ListingPriceAsync(shop);
        var fee = scope.ServiceProvider.GetRequiredService<OrderMoney>().Schedule().FeeOn(goods, cluster);
        fee.Should().BeGreaterThan(Rupiah.Zero, "the platform keeps a fee");
        return goods + shipping - fee;
    }

    public async Task SeeBalanceAsync(IPage page, Rupiah pending, Rupiah available, string step)
    {
        await page.GotoAsync("/Seller/Saldo");
        (await page.Locator("[data-amount=pending]").InnerTextAsync()).Should().Be(pending.ToString());
        (await page.Locator("[data-amount=available]").InnerTextAsync()).Should().Be(available.ToString());
        await CheckAsync(page, step);
    }

    /// <summary>The shop's first account, opened in the sandbox bank under the shop's name: usable at once.</summary>
    public async Task AddFirstBankAccountAsync(IPage page, Shop shop)
    {
        var number = AccountNumber(shop, 1);
        await OpenAtBankAsync(number, shop.StoreName);
        await SubmitAccountAsync(page, number);
        (await page.Locator("#flash").InnerTextAsync()).Should().Be("Rekening ditambahkan dan siap dipakai.");
        (await page.Locator("#payout-account").InnerTextAsync()).Should().Contain(number);
        await CheckAsync(page, "account-added");
    }

    /// <summary>A change of account waits for the e-mailed link; following it confirms the change and starts the 24 hours.</summary>
    public async Task ChangeBankAccountByEmailAsync(IPage page, Shop shop)
    {
        var number = AccountNumber(shop, 2);
        await OpenAtBankAsync(number, shop.StoreName);
        await SubmitAccountAsync(page, number);
        (await page.Locator("#flash").InnerTextAsync()).Should().StartWith("Kami mengirim tautan konfirmasi ke e-mail Anda.");
        (await page.Locator("#account-awaiting").InnerTextAsync()).Should().Contain(number);
        await CheckAsync(page, "account-change-sent");

        var mail = await fixture.Outbox.WaitForAsync(shop.Email, m => (m.TextBody ?? string.Empty).Contains(number, StringComparison.Ordinal));
        var link = TestOutbox.LinkIn(mail);
        link.Should().StartWith("/Seller/Saldo/Confirm");
        await page.GotoAsync(link);
        await CheckAsync(page, "account-confirm");
        await page.ClickAsync("#confirm-account button[type=submit]");
        await page.WaitForURLAsync(new Regex("/Seller/Saldo$"));
        (await page.Locator("#flash").InnerTextAsync()).Should().Be("Rekening baru dikonfirmasi. Penarikan bisa dilakukan 24 jam lagi.");
        (await page.Locator("#payout-account").InnerTextAsync()).Should().Contain(number).And.Contain("Rekening baru bisa dipakai mulai");
        (await page.Locator("#account-awaiting").CountAsync()).Should().Be(0);
        await CheckAsync(page, "account-confirmed");
    }

    public async Task WithdrawDuringCoolingOffAsync(IPage page, Rupiah amount)
    {
        await WithdrawAsync(page, amount);
        (await page.Locator("#flash").InnerTextAsync()).Should().Be("Rekening baru saja diganti: penarikan bisa dilakukan 24 jam setelah konfirmasi.");
        (await page.Locator("[data-amount=available]").InnerTextAsync()).Should().Be(amount.ToString(), "nothing left the balance");
        await CheckAsync(page, "withdraw-cooling-off");
    }

    /// <summary>After the 24 hours: the withdrawal goes out, and the disbursement sandbox's "paid" sends the signed callback that settles it.</summary>
    public async Task WithdrawAndSettleAsync(IPage page, Rupiah amount)
    {
        await page.GotoAsync("/Seller/Saldo");
        (await page.Locator("#payout-account").InnerTextAsync()).Should().NotContain("Rekening baru bisa dipakai mulai", "the 24 hours have passed on the site's clock");
        await WithdrawAsync(page, amount);
        (await page.Locator("#flash").InnerTextAsync()).Should().Be("Penarikan diproses. Kami kabari lewat e-mail saat dana tiba.");
        (await page.Locator("[data-amount=available]").InnerTextAsync()).Should().Be(Rupiah.Zero.ToString());
        (await page.Locator("[data-amount=in-transit]").InnerTextAsync()).Should().Be(amount.ToString());
        var payout = page.Locator("#payouts tbody tr").First;
        (await payout.GetAttributeAsync("data-status")).Should().Be("InTransit");
        await CheckAsync(page, "withdrawn");

        await payout.Locator("form.sandbox-paid button").ClickAsync();
        await page.Locator("#payouts tbody tr[data-status=Paid]").WaitForAsync();
        (await page.Locator("#flash").InnerTextAsync()).Should().Be("Simulasi pencairan diterima.");
        (await page.Locator("[data-amount=in-transit]").InnerTextAsync()).Should().Be(Rupiah.Zero.ToString());
        (await page.Locator("[data-amount=available]").InnerTextAsync()).Should().Be(Rupiah.Zero.ToString());
        (await page.Locator("#payouts tbody tr[data-status=Paid]").InnerTextAsync()).Should().Contain(amount.ToString()).And.Contain("Berhasil");
        await CheckAsync(page, "paid-out");
    }

    /// <summary>"Ajukan komplain" within the 2 days after delivery, with a photo; the escrow is held.</summary>
    public async Task ComplainWithPhotoAsync(IPage page, string number, Shop shop)
    {
        await page.GotoAsync($"/Orders/{number}");
        await page.Locator(".receipt details.complain summary").ClickAsync();
        await page.SelectOptionAsync($"#reason-{shop.SellerId}", "Damaged");
        await page.FillAsync($"#description-{shop.SellerId}", "Tasnya sobek di bagian pegangan saat dibuka dari kardus.");
        await page.SetInputFilesAsync($"#photos-{shop.SellerId}", new FilePayload { Name = "tas-sobek.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(640, 480) });
        await CheckAsync(page, "complaint-filled");
        await page.ClickAsync("details.complain form button[type=submit]");
        await page.Locator(".receipt-complaint[data-status=Open]").WaitForAsync();
        (await page.Locator("#flash").InnerTextAsync()).Should().Be("Komplain terkirim. Dana ditahan sampai komplain selesai.");
        (await page.Locator("form.confirm-receipt").CountAsync()).Should().Be(0, "a complaint holds the money: the part cannot be confirmed meanwhile");
        await CheckAsync(page, "complaint-sent");
    }

    public async Task AcceptComplaintAsync(IPage page, string number)
    {
        await page.GotoAsync("/Seller/Complaints");
        var complaint = page.Locator(".complaint", new PageLocatorOptions { HasText = number });
        (await complaint.GetAttributeAsync("data-status")).Should().Be("Open");
        (await complaint.InnerTextAsync()).Should().Contain("sobek");
        var photo = complaint.Locator("img").First;
        await photo.WaitForAsync();
        (await photo.EvaluateAsync<int>("img => img.naturalWidth")).Should().BeGreaterThan(0, "the shopper's photo is shown to the seller");
        await CheckAsync(page, "seller-complaint");

        await complaint.Locator("form.accept button[type=submit]").ClickAsync();
        await page.Locator(".complaint[data-status=Refunded]").WaitForAsync();
        (await page.Locator("#flash").InnerTextAsync()).Should().Be("Komplain diterima, dana dikembalikan ke pembeli.");
        await CheckAsync(page, "seller-accepted");
    }

    public async Task SeeRefundAsync(IPage page, string number)
    {
        await page.GotoAsync($"/Orders/{number}");
        (await page.Locator(".receipt-complaint").GetAttributeAsync("data-status")).Should().Be("Refunded");
        (await page.Locator(".receipt-complaint").InnerTextAsync()).Should().Be("Komplain diterima, dana dikembalikan.");
        await CheckAsync(page, "shopper-refunded");
        await page.GotoAsync("/Account/Notifications");
        (await page.Locator("#inbox").InnerTextAsync()).Should().Contain(number);
        await CheckAsync(page, "shopper-inbox");
    }

    /// <summary>As an admin: every day from <paramref name="from"/> to today balances on /Admin/Reconciliation, and in the ledger's own service.</summary>
    public async Task ReconciliationBalancesAsync(DateOnly from)
    {
        var today = Wib.DayOf(fixture.Clock.GetUtcNow());
        using (var scope = App.Services.CreateScope())
        {
            var days = await scope.ServiceProvider.GetRequiredService<Reconciliation>().DaysAsync(from, today, CancellationToken.None);
            days.Should().NotBeEmpty();
            days.Where(d => d.Difference != 0).Should().BeEmpty("every day of the walk reconciles");
        }

        var admin = await PersonAsync(fixture.AdminEmail);
        await admin.GotoAsync($"/Admin/Reconciliation?From={from:yyyy-MM-dd}&To={today:yyyy-MM-dd}");
        var rows = admin.Locator("#reconciliation tbody tr");
        (await rows.CountAsync()).Should().BeGreaterThan(0);
        (await admin.Locator("#reconciliation tbody tr[data-difference]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.difference)"))
            .Should().OnlyContain(difference => difference == "0", "the admins' page shows the same balanced days");
        (await admin.Locator($"#reconciliation tbody tr[data-day='{today:yyyy-MM-dd}']").CountAsync()).Should().Be(1, "the walk's last day is on the page");
        await CheckAsync(admin, "reconciliation");
        await admin.Context.CloseAsync();
    }

    public async Task<long> LedgerBalanceAsync(LedgerAccount account)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Books>().BalanceAsync(account, CancellationToken.None);
    }

    public Task<long> OrderIdAsync(string number) =>
        new PolicyScenario(App).WithDbAsync(db => db.Orders.Where(o => o.Number == number).Select(o => o.Id).SingleAsync());

    private Task<Rupiah> ListingPriceAsync(Shop shop) =>
        new PolicyScenario(App).WithDbAsync(db => db.Listings.Where(l => l.Id == shop.ListingId).Select(l => l.Price).SingleAsync());

    private async Task<IReadOnlyList<Marketplace.Domain.Shipping.CourierQuote>> QuotesAsync(Shop shop)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var listing = await db.Listings.AsNoTracking().SingleAsync(l => l.Id == shop.ListingId);
        var origin = await db.Sellers.Where(s => s.Id == shop.SellerId).Select(s => s.Province).SingleAsync();
        var quotes = scope.ServiceProvider.GetRequiredService<ShippingQuotes>().For(origin, Destination, [(listing.Parcel, 1)]);
        quotes.Count.Should().BeGreaterThan(1, "the shopper has a choice of couriers");
        return quotes;
    }

    private static string AccountNumber(Shop shop, int n) => string.Create(CultureInfo.InvariantCulture, $"8{n}{shop.SellerId:D8}");

    private async Task OpenAtBankAsync(string number, string storeName)
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SandboxDisbursements>().OpenAccountAsync("BCA", number, storeName.ToUpperInvariant(), CancellationToken.None);
    }

    private static async Task SubmitAccountAsync(IPage page, string number)
    {
        await page.GotoAsync("/Seller/Saldo");
        await page.SelectOptionAsync("#account-form select[name=Bank]", "BCA");
        await page.FillAsync("#account-form input[name=AccountNumber]", number);
        await page.ClickAsync("#account-form button[type=submit]");
        await page.Locator("#flash").WaitForAsync();
    }

    private static async Task WithdrawAsync(IPage page, Rupiah amount)
    {
        await page.GotoAsync("/Seller/Saldo");
        await page.FillAsync("#withdraw-form input[name=Amount]", amount.ToString());
        await page.ClickAsync("#withdraw-form button[type=submit]");
        await page.Locator("#flash").WaitForAsync();
    }

    /// <summary>Every page of the walk is in Indonesian, fits the phone, and leaves a screenshot.</summary>
    private async Task CheckAsync(IPage page, string step)
    {
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("id");
        string.Join(Environment.NewLine, await PageChecks.PhoneProblemsAsync(page)).Should().BeEmpty();
        await PageChecks.ScreenshotAsync(page, $"{name}-{step}");
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0(?:\.0+)?\s+0(?:\.0+)?\s+(?<w>[0-9.]+)\s+(?<h>[0-9.]+)\s*\]")]
    private static partial Regex MediaBox();
}

/// <summary>
/// The site on a clock of the walk's own, so a changed bank account's 24 hours pass without waiting, and with an outbox
/// folder the walk reads the confirmation mail from.
/// </summary>
public class WalkFixture : BrowserFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestOutbox Outbox { get; } = new();

    public string AdminEmail { get; } = $"admin-walk-{Guid.NewGuid():N}@example.id";

    protected override TimeProvider? OwnClock => Clock;

    protected override IReadOnlyDictionary<string, string?> Settings => Outbox.Settings;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Outbox.Dispose();
    }

    protected override async Task SeedAsync(MarketplaceApp app) => await TestUsers.CreateAsync(app, AdminEmail, Roles.Admin);
}

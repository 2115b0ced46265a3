using System.Globalization;
using System.Net;
using Marketplace.Domain;
using Marketplace.Domain.Notifications;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Orders;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Features.Storefront;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Payments;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Marketplace.Web.Tests.Shipping;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Marketplace.Web.Tests.Notifications;

/// <summary>What shoppers and sellers are told of an order, by e-mail and in the site's inbox, and who may read it.</summary>
public sealed class NotificationTests(NotificationTests.Fixture fixture) : IClassFixture<NotificationTests.Fixture>
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private readonly PaymentJourney _journey = new(fixture.App);

    private SellerPortal Portal => _journey.Portal;

    private TestOutbox Outbox => fixture.Outbox;

    [Fact]
    public async Task A_virtual_account_order_tells_the_shopper_how_to_pay_and_the_seller_only_when_the_signed_callback_settles_it()
    {
        var (sellerId, sellerEmail) = await Portal.Scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
        var listing = await Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Bajawa");
        var (shopperEmail, shopper) = await Portal.ShopperAsync();

        var number = await PlaceAsync(shopper, listing, "BankTransfer");

        var order = await _journey.OrderAsync(number);
        var total = (await TotalWithShippingAsync(listing)).ToString();
        order.Total.ToString().Should().Be(total);
        var account = order.VirtualAccount!;
        var placed = await Outbox.WaitForAsync(shopperEmail, m => m.Subject != null && m.Subject.Contains(number, StringComparison.Ordinal));
        var deadline = StorefrontText.InIndonesianTime(account.PayBy, Indonesian);
        deadline.Should().EndWith(" WIB").And.Contain(account.PayBy.ToOffset(TimeSpan.FromHours(7)).ToString("HH.mm", Indonesian));
        placed.Subject.Should().Be($"Pesanan {number}: bayar sebelum {deadline}");
        placed.TextBody.Should().Contain("Kopi Bubuk Bajawa × 1: Rp 250.000")
            .And.Contain($"transfer tepat {total} ke virtual account BCA nomor {account.Number} sebelum {deadline}");
        TestOutbox.LinkIn(placed).Should().Be($"/Orders/{number}");

        // The shopper's mail was sent, and the seller's would have been queued in the same transaction: there is none.
        (await Outbox.AllToAsync(sellerEmail)).Should().BeEmpty("an unpaid order is not the seller's to pack");
        (await QueuedToAsync(sellerEmail)).Should().Be(0);
        (await InboxAsync(sellerEmail)).Should().BeEmpty();

        using var paid = await _journey.PostCallbackAsync(PaymentCallbacks.PaidEvent(order, fixture.Clock.GetUtcNow()));
        paid.StatusCode.Should().Be(HttpStatusCode.OK);

        var forSeller = await Outbox.WaitForAsync(sellerEmail);
        forSeller.Subject.Should().StartWith($"Pesanan baru {number} untuk Toko Uji").And.EndWith("sudah dibayar, kemas dan kirim");
        forSeller.TextBody.Should().Contain("Kopi Bubuk Bajawa × 1: Rp 250.000").And.Contain("Jl. Malioboro 12").And.Contain(total);
        TestOutbox.LinkIn(forSeller).Should().Be($"/Seller/Orders/{number}");
        var receipt = await Outbox.WaitForAsync(shopperEmail, m => m.Subject == $"Pembayaran pesanan {number} diterima");
        receipt.TextBody.Should().Contain($"Pembayaran {total}").And.Contain(" WIB");

        // Each mail is also an item of the recipient's inbox, with the same words and a link into the site.
        var sellerInbox = await InboxAsync(sellerEmail);
        sellerInbox.Should().ContainSingle().Which.Should().Match<Notification>(n =>
            n.Kind == NotificationKind.OrderForSeller && n.Audience == NotificationAudience.Seller && n.Title == forSeller.Subject && n.Link == $"/Seller/Orders/{number}");
        (await InboxAsync(shopperEmail)).Select(n => (n.Kind, n.Title)).Should().Equal(
            (NotificationKind.OrderPlaced, placed.Subject!), (NotificationKind.OrderPaid, receipt.Subject!));
        Lines(sellerInbox[0].Body).Should().Be(Lines(BodyWithoutLink(forSeller)));
    }

    [Fact]
    public async Task A_cash_on_delivery_order_tells_the_seller_at_once_in_the_sellers_own_language_and_the_shopper_what_to_pay_the_courier()
    {
        var (sellerId, sellerEmail) = await Portal.Scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
        await Portal.Scenario.WithDbAsync(db => db.Users.Where(u => u.Email == sellerEmail).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "en")));
        var listing = await Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Kerinci");
        var (shopperEmail, shopper) = await Portal.ShopperAsync();

        var number = await PlaceAsync(shopper, listing, "CashOnDelivery");
        var total = (await TotalWithShippingAsync(listing)).ToString();

        var placed = await Outbox.WaitForAsync(shopperEmail);
        placed.Subject.Should().Be($"Pesanan {number} diterima (bayar di tempat)");
        placed.TextBody.Should().Contain($"siapkan {total} tunai untuk kurir").And.NotContain("virtual account");
        var forSeller = await Outbox.WaitForAsync(sellerEmail);
        forSeller.Subject.Should().StartWith($"New order {number} for Toko Uji").And.EndWith("cash on delivery, pack and ship");
        forSeller.TextBody.Should().Contain($"The courier collects {total} (shipping included)");
        (await InboxAsync(sellerEmail)).Should().ContainSingle(n => n.Kind == NotificationKind.OrderForSeller && n.Title == forSeller.Subject);
    }

    [Fact]
    public async Task Shipping_and_delivering_a_parcel_tell_the_shopper_once_with_the_resi_and_a_tracking_link()
    {
        var (sellerId, sellerEmail) = await Portal.Scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
        var seller = await TestUsers.SignedInClientAsync(fixture.App, sellerEmail);
        var coffee = await Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Lintong");
        var basket = await Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Rattan, "Keranjang Rotan Kecil");
        var (shopperEmail, shopper) = await Portal.ShopperAsync();
        await shopper.AddToCartAsync(coffee);
        var number = await PlaceAsync(shopper, basket, "CashOnDelivery");
        var lines = (await _journey.OrderAsync(number)).Lines.Select(l => l.Id).ToList();
        lines.Should().HaveCount(2);

        foreach (var line in lines)
        {
            (await MoveAsync(seller, line, "Pack")).Dispose();
            (await MoveAsync(seller, line, "Ship", "JNE-7788990011")).Dispose();
        }

        var shipped = await Outbox.WaitForAsync(shopperEmail, m => m.Subject != null && m.Subject.Contains("dikirim", StringComparison.Ordinal));
        shipped.Subject.Should().Be($"Pesanan {number} dikirim: resi JNE-7788990011");
        shipped.TextBody.Should().Contain("dengan JNE").And.Contain("Nomor resi: JNE-7788990011").And.MatchRegex($@"Lacak paket: https?://\S+/Orders/{number}");
        foreach (var line in lines)
        {
            (await MoveAsync(seller, line, "Deliver")).Dispose();
        }

        var delivered = await Outbox.WaitForAsync(shopperEmail, m => m.Subject == $"Pesanan {number} sudah sampai");
        TestOutbox.LinkIn(delivered).Should().Be($"/Orders/{number}");
        var inbox = await InboxAsync(shopperEmail);
        inbox.Count(n => n.Kind == NotificationKind.OrderShipped).Should().Be(1, "one parcel ships once, whatever the number of its lines");
        inbox.Count(n => n.Kind == NotificationKind.OrderDelivered).Should().Be(1);
        (await Outbox.AllToAsync(shopperEmail)).Should().HaveCount(3, "placed, shipped and delivered");
    }

    [Fact]
    public async Task A_courier_tracking_page_goes_into_the_shipped_mail_and_a_refund_is_told_with_its_amount()
    {
        var (sellerId, _) = await Portal.Scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
        var listing = await Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Temanggung");
        var (shopperEmail, shopper) = await Portal.ShopperAsync();
        var number = await PlaceAsync(shopper, listing, "CashOnDelivery");
        var order = await _journey.OrderAsync(number);

        await WithNotificationsAsync(n => n.ShippedAsync(order.Id, sellerId, "SiCepat", "SCP000123456", "https://kurir.example/lacak?resi=SCP000123456", CancellationToken.None));
        await WithNotificationsAsync(n => n.RefundedAsync(order.Id, new Rupiah(265_000), CancellationToken.None));

        var shipped = await Outbox.WaitForAsync(shopperEmail, m => m.Subject != null && m.Subject.Contains("SCP000123456", StringComparison.Ordinal));
        shipped.TextBody.Should().Contain("dengan SiCepat").And.Contain("Lacak paket: https://kurir.example/lacak?resi=SCP000123456");
        var refund = await Outbox.WaitForAsync(shopperEmail, m => m.Subject == $"Dana pesanan {number} dikembalikan");
        refund.TextBody.Should().Contain("Dana sebesar Rp 265.000");
        var inbox = await InboxAsync(shopperEmail);
        inbox.Single(n => n.Kind == NotificationKind.OrderShipped).Link.Should().Be($"/Orders/{number}", "the inbox opens pages of the site only");
        inbox.Should().ContainSingle(n => n.Kind == NotificationKind.OrderRefunded && n.Title == refund.Subject);
    }

    [Fact]
    public async Task The_inbox_lists_newest_first_in_pages_counts_unread_in_the_header_and_marks_read_on_open_and_all_at_once()
    {
        var (sellerId, _) = await Portal.Scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
        var listing = await Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Sidikalang");
        var (shopperEmail, shopper) = await Portal.ShopperAsync();
        (await shopper.GetDocumentAsync("/")).QuerySelector("#inbox-unread").Should().BeNull("nothing has happened yet");
        var number = await PlaceAsync(shopper, listing, "CashOnDelivery");
        await AddOlderItemsAsync(shopperEmail, InboxPageSize);

        var first = await shopper.GetDocumentAsync("/Account/Notifications");

        first.Text("#inbox-unread").Should().Be((InboxPageSize + 1).ToString(CultureInfo.InvariantCulture));
        var items = first.QuerySelectorAll(".inbox-item").ToList();
        items.Should().HaveCount(InboxPageSize);
        items[0].QuerySelector(".inbox-title")!.TextContent.Should().Contain($"Pesanan {number} diterima");
        items[0].QuerySelector(".inbox-body")!.TextContent.Should().Contain("Kopi Bubuk Sidikalang");
        items[0].GetAttribute("data-read").Should().Be("false");
        first.QuerySelector("a[rel=next]")!.GetAttribute("href").Should().Be("/Account/Notifications?page=2");
        (await shopper.GetDocumentAsync("/Account/Notifications?page=2")).QuerySelectorAll(".inbox-item").Should().ContainSingle()
            .Which.TextContent.Should().Contain("Kabar lama 1");

        using var opened = await shopper.SubmitFormAsync("/Account/Notifications", new Dictionary<string, string>(), ".inbox-item:first-child form.inbox-open");
        opened.StatusCode.Should().Be(HttpStatusCode.Redirect);
        opened.Headers.Location!.OriginalString.Should().Be($"/Orders/{number}");
        var afterOpen = await shopper.GetDocumentAsync("/Orders");
        afterOpen.Text("#inbox-unread").Should().Be(InboxPageSize.ToString(CultureInfo.InvariantCulture));
        (await shopper.GetDocumentAsync("/Account/Notifications")).QuerySelector(".inbox-item")!.GetAttribute("data-read").Should().Be("true");

        using var all = await shopper.SubmitFormAsync("/Account/Notifications", new Dictionary<string, string>(), "form.inbox-read-all");
        all.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var read = await shopper.GetDocumentAsync("/Account/Notifications");
        read.QuerySelector("#inbox-unread").Should().BeNull();
        read.QuerySelectorAll(".inbox-item[data-read=false]").Should().BeEmpty();
        read.QuerySelector("form.inbox-read-all").Should().BeNull();
        (await InboxAsync(shopperEmail)).Should().OnlyContain(n => n.ReadAt != null);
    }

    [Fact]
    public async Task Nobody_reads_or_marks_another_users_items_and_a_visitor_has_no_inbox()
    {
        var (sellerId, sellerEmail) = await Portal.Scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
        var listing = await Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Malabar");
        var (shopperEmail, shopper) = await Portal.ShopperAsync();
        await PlaceAsync(shopper, listing, "CashOnDelivery");
        var notice = await PolicyNoticeAsync(sellerId);
        var mine = (await InboxAsync(shopperEmail)).Single();
        var sellersOrder = (await InboxAsync(sellerEmail)).Single();
        var (_, stranger) = await Portal.ShopperAsync();
        var (_, otherSellerEmail) = await Portal.Scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
        var otherSeller = await TestUsers.SignedInClientAsync(fixture.App, otherSellerEmail);

        (await stranger.GetDocumentAsync("/Account/Notifications")).QuerySelectorAll(".inbox-item").Should().BeEmpty();
        (await OpenAsync(stranger, "/Account/Notifications", "Notification", mine.Id)).Should().Be(HttpStatusCode.NotFound);
        (await OpenAsync(shopper, "/Account/Notifications", "Notification", sellersOrder.Id)).Should().Be(HttpStatusCode.NotFound, "a seller's item is not in the shopper's inbox");
        (await OpenAsync(otherSeller, "/Seller/Notifications", "Notification", sellersOrder.Id)).Should().Be(HttpStatusCode.NotFound);
        (await OpenAsync(otherSeller, "/Seller/Notifications", "PolicyNotice", notice)).Should().Be(HttpStatusCode.NotFound);
        (await OpenAsync(shopper, "/Account/Notifications", "PolicyNotice", notice)).Should().Be(HttpStatusCode.NotFound);
        using (var readAll = await SellerPortal.PostWithTokenAsync(stranger, "/Account/Manage", "/Account/Notifications?handler=ReadAll", new Dictionary<string, string>()))
        {
            readAll.StatusCode.Should().Be(HttpStatusCode.Redirect, "the stranger marks their own inbox read, and only theirs");
        }

        (await InboxAsync(shopperEmail)).Single().ReadAt.Should().BeNull();
        (await InboxAsync(sellerEmail)).Single().ReadAt.Should().BeNull();
        (await Portal.Scenario.NotificationsAsync(sellerId)).Single().ReadAt.Should().BeNull();

        var visitor = fixture.App.CreateBrowserClient();
        (await visitor.GetDocumentAsync("/")).QuerySelector("#inbox-link").Should().BeNull();
        using var anonymous = await visitor.GetAsync("/Account/Notifications");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.OriginalString.Should().Contain("/Account/Login");
        using var unsigned = await OpenWithoutTokenAsync(shopper, mine.Id);
        unsigned.StatusCode.Should().Be(HttpStatusCode.BadRequest, "marking read is a form post with the antiforgery token");
    }

    [Fact]
    public async Task The_sellers_inbox_shows_the_policys_notices_beside_its_orders_and_marks_both_read()
    {
        var (sellerId, sellerEmail) = await Portal.Scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
        var seller = await TestUsers.SignedInClientAsync(fixture.App, sellerEmail);
        var listing = await Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Kalosi");
        await PolicyNoticeAsync(sellerId);
        var (_, shopper) = await Portal.ShopperAsync();
        var number = await PlaceAsync(shopper, listing, "CashOnDelivery");

        var page = await seller.GetDocumentAsync("/Seller/Notifications");

        page.Text("#inbox-unread").Should().Be("2");
        page.QuerySelector("#inbox-link")!.GetAttribute("href").Should().Be("/Seller/Notifications");
        var items = page.QuerySelectorAll(".inbox-item").ToList();
        items.Select(i => i.GetAttribute("data-item")!.Split('-')[0]).Should().Equal("Notification", "PolicyNotice");
        items[0].TextContent.Should().Contain($"Pesanan baru {number}");
        items[1].QuerySelector(".inbox-title")!.TextContent.Should().Contain("Produk ditolak");
        items[1].QuerySelector(".inbox-body")!.TextContent.Should().Contain("2 produk Anda ditolak.");
        (await seller.GetDocumentAsync("/")).QuerySelector("#inbox-unread").Should().BeNull("the storefront counts the shopper's inbox of the same user");
        (await seller.GetDocumentAsync("/Seller")).QuerySelector("#notifications")!.ParentElement!.ParentElement!.TextContent
            .Should().Contain($"Pesanan baru {number}").And.Contain("2 produk Anda ditolak.");

        using var opened = await seller.SubmitFormAsync("/Seller/Notifications", new Dictionary<string, string>(), ".inbox-item[data-item^=PolicyNotice] form.inbox-open");
        opened.Headers.Location!.OriginalString.Should().Be("/Seller/Listings");
        (await seller.GetDocumentAsync("/Seller/Orders")).Text("#inbox-unread").Should().Be("1");
        using var all = await seller.SubmitFormAsync("/Seller/Notifications", new Dictionary<string, string>(), "form.inbox-read-all");

        (await seller.GetDocumentAsync("/Seller/Notifications")).QuerySelector("#inbox-unread").Should().BeNull();
        (await InboxAsync(sellerEmail)).Should().OnlyContain(n => n.ReadAt != null);
        (await Portal.Scenario.NotificationsAsync(sellerId)).Should().OnlyContain(n => n.ReadAt != null);
    }

    private const int InboxPageSize = Web.Features.Notifications.Inbox.PageSize;

    /// <summary>One listing of the scenario's price and the cheapest courier's fee to the shopper's province, what the order charges.</summary>
    private async Task<Rupiah> TotalWithShippingAsync(long listingId) =>
        new Rupiah(250_000) + (await ExpectedShipping.CheapestAsync(fixture.App, "DI Yogyakarta", (listingId, 1))).Price;

    private static async Task<string> PlaceAsync(HttpClient shopper, long listingId, string paymentMethod)
    {
        await shopper.AddToCartAsync(listingId);
        var address = Shopping.Address();
        address["Input.PaymentMethod"] = paymentMethod;
        using var placed = await shopper.CheckOutAsync(address);
        placed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return placed.Headers.Location!.OriginalString.Split('/')[^1];
    }

    private Task<List<Notification>> InboxAsync(string email) =>
        Portal.Scenario.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => db.Users.Any(u => u.Id == n.UserId && u.Email == email))
            .OrderBy(n => n.Id)
            .ToListAsync());

    private Task<int> QueuedToAsync(string email) => Portal.Scenario.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.ToAddress == email));

    private static string Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string BodyWithoutLink(MimeMessage message)
    {
        var body = message.TextBody ?? string.Empty;
        return body[..body.LastIndexOf("Buka di Pasar UMKM:", StringComparison.Ordinal)].Trim();
    }

    /// <summary>Older items of the shopper's inbox, written straight to the table, to fill a page.</summary>
    private Task<int> AddOlderItemsAsync(string email, int count) => Portal.Scenario.WithDbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var longAgo = fixture.Clock.GetUtcNow().AddDays(-30);
        for (var i = 1; i <= count; i++)
        {
            db.Notifications.Add(new Notification(userId, NotificationKind.OrderPaid, $"Kabar lama {i}", "Isi kabar lama.", null, longAgo.AddMinutes(i)));
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>A notice of the listing policy to the shop, as the policy writes one when it refuses listings.</summary>
    private Task<long> PolicyNoticeAsync(int sellerId) => Portal.Scenario.WithDbAsync(async db =>
    {
        var notice = new SellerNotification(sellerId, SellerNotificationKind.ListingsRejected, null, 2, "2 produk Anda ditolak.", "2 of your listings were refused.", fixture.Clock.GetUtcNow().AddMinutes(-5));
        db.SellerNotifications.Add(notice);
        await db.SaveChangesAsync();
        return notice.Id;
    });

    private async Task WithNotificationsAsync(Func<OrderNotifications, Task> tell)
    {
        using var scope = fixture.App.Services.CreateScope();
        await tell(scope.ServiceProvider.GetRequiredService<OrderNotifications>());
        await scope.ServiceProvider.GetRequiredService<Web.Data.MarketplaceDbContext>().SaveChangesAsync();
    }

    /// <summary>Posts "open" for an item by its id, as a user who knows (or guesses) the id would, with a valid token of their own session.</summary>
    private static async Task<HttpStatusCode> OpenAsync(HttpClient client, string page, string source, long id)
    {
        var tokenPage = page.StartsWith("/Seller", StringComparison.Ordinal) ? "/Seller/Listings/Edit" : "/Account/Manage";
        using var response = await SellerPortal.PostWithTokenAsync(client, tokenPage, $"{page}?handler=Open&source={source}&id={id}", new Dictionary<string, string>());
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient seller, long line, string move, string? tracking = null)
    {
        var fields = new Dictionary<string, string> { ["lineId"] = line.ToString(CultureInfo.InvariantCulture), ["move"] = move };
        if (tracking is not null)
        {
            fields["courier"] = "JNE";
            fields["trackingNumber"] = tracking;
        }

        return SellerPortal.PostWithTokenAsync(seller, "/Seller/Listings/Edit", "/Seller/Orders", fields);
    }

    private static async Task<HttpResponseMessage> OpenWithoutTokenAsync(HttpClient client, long id)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>());
        return await client.PostAsync($"/Account/Notifications?handler=Open&source=Notification&id={id}", content);
    }

    public sealed class Fixture : SellerPortalFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public TestOutbox Outbox { get; } = new();

        protected override TimeProvider? OwnClock => Clock;

        protected override IReadOnlyDictionary<string, string?> Settings =>
            base.Settings.Concat(Outbox.Settings).ToDictionary(s => s.Key, s => s.Value);

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Outbox.Dispose();
        }
    }
}

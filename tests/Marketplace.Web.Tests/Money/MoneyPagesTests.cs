using System.Net;
using Marketplace.Domain.Orders;
using Marketplace.Domain;
using Marketplace.Web.Tests.Admin;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Money;

/// <summary>The money loop through the pages: the shopper confirms receipt or complains, the seller reads its Saldo and withdraws, an admin reconciles.</summary>
public sealed class MoneyPagesTests(MoneyFixture fixture) : IClassFixture<MoneyFixture>
{
    private readonly MoneyWorld _world = new(fixture.App, fixture.Clock);

    [Fact]
    public async Task Pesanan_diterima_credits_the_Saldo_the_seller_withdraws_the_sandbox_settles_and_the_day_reconciles()
    {
        var (sellerId, listing, seller) = await _world.SignedInSellerAsync();
        var (shopper, order) = await PaidOrderAsync(listing);
        await _world.DeliverAsync(order, sellerId);

        using var confirmed = await shopper.SubmitFormAsync($"/Orders/{order.Number}", new Dictionary<string, string>(), "form.confirm-receipt");
        var after = await shopper.GetDocumentAsync($"/Orders/{order.Number}");
        var saldo = await seller.GetDocumentAsync("/Seller/Saldo");
        using var withdrawn = await seller.SubmitFormAsync("/Seller/Saldo", new Dictionary<string, string> { ["Amount"] = "Rp 100.000" }, "#withdraw-form");
        var inTransit = await seller.GetDocumentAsync("/Seller/Saldo");
        using var settled = await seller.SubmitFormAsync("/Seller/Saldo", new Dictionary<string, string>(), "form.sandbox-paid");
        var paid = await seller.GetDocumentAsync("/Seller/Saldo");
        var admin = await AdminPages.AdminClientAsync(fixture.App);
        var today = Wib.DayOf(fixture.Clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = await admin.GetStringAsync($"/Admin/Reconciliation?From={today}&To={today}&handler=Csv");
        var report = await admin.GetDocumentAsync($"/Admin/Reconciliation?From={today}&To={today}");

        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.QuerySelector(".receipt-done").Should().NotBeNull();
        after.QuerySelector("form.confirm-receipt").Should().BeNull();
        saldo.Text("[data-amount=available]").Should().Be("Rp 502.500");
        saldo.QuerySelectorAll($"#entries tr[data-order='{order.Number}']").Should().HaveCount(3, "payment into escrow, its release, and the credit to the balance");
        withdrawn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        inTransit.Text("#flash").Should().Contain("Penarikan diproses");
        inTransit.Text("[data-amount=available]").Should().Be("Rp 402.500");
        inTransit.QuerySelector("#payouts tr[data-status=InTransit]").Should().NotBeNull();
        settled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        paid.QuerySelector("#payouts tr[data-status=Paid]").Should().NotBeNull();
        paid.Text("[data-amount=in-transit]").Should().Be("Rp 0");
        csv.Should().StartWith("day,payments_in,escrow,seller_balances,fees,payouts_in_transit,payouts_sent,refunds,difference");
        csv.Split('\n').Single(l => l.StartsWith(today, StringComparison.Ordinal)).Split(',')[^1].Should().Be("0");
        report.QuerySelector($"#reconciliation tr[data-day='{today}']")!.GetAttribute("data-difference").Should().Be("0");
        await _world.AssertBooksBalanceAsync("the page journey");
    }

    [Fact]
    public async Task A_complaint_with_a_photo_reaches_the_seller_who_accepts_and_the_shopper_is_refunded()
    {
        var (sellerId, listing, seller) = await _world.SignedInSellerAsync();
        var (shopper, order) = await PaidOrderAsync(listing);
        var email = await _world.EmailOfAsync(order.ShopperUserId);
        await _world.DeliverAsync(order, sellerId);

        using var filed = await shopper.SubmitFormWithFilesAsync(
            $"/Orders/{order.Number}",
            new Dictionary<string, string> { ["Reason"] = "Damaged", ["Description"] = "Kemasan sobek, bubuk tumpah." },
            [("Photos", "rusak.png", TestImages.Png(), "image/png")],
            "details.complain form");
        var complaints = await seller.GetDocumentAsync("/Seller/Complaints");
        var photo = complaints.QuerySelector(".complaint img")!.GetAttribute("src")!;
        using var sellersView = await seller.GetAsync(photo);
        var (_, stranger) = await _world.Portal.ShopperAsync();
        using var strangersView = await stranger.GetAsync(photo);
        using var accepted = await seller.SubmitFormAsync("/Seller/Complaints", new Dictionary<string, string>(), "form.accept");
        var shopperView = await shopper.GetDocumentAsync($"/Orders/{order.Number}");

        filed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        complaints.Text(".complaint").Should().Contain("Kemasan sobek");
        sellersView.StatusCode.Should().Be(HttpStatusCode.OK);
        strangersView.StatusCode.Should().Be(HttpStatusCode.NotFound);
        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        shopperView.QuerySelector(".receipt-complaint")!.GetAttribute("data-status").Should().Be("Refunded");
        (await _world.BalanceAsync(Domain.Money.LedgerAccount.Escrow(order.Id, sellerId))).Should().Be(0);
        (await fixture.Outbox.WaitForAsync(email, m => m.Subject == $"Dana pesanan {order.Number} dikembalikan")).TextBody.Should().Contain("Rp 515.000");
        await _world.AssertBooksBalanceAsync("the complaint journey");
    }

    private async Task<(HttpClient Shopper, Order Order)> PaidOrderAsync(long listing)
    {
        var (email, shopper) = await _world.Portal.ShopperAsync();
        var userId = await _world.Portal.Scenario.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var order = await _world.OrderAsync(userId, PaymentMethod.BankTransfer, (listing, 2));
        (await _world.PayAsync(order)).Should().Be(Web.Features.Payments.CallbackOutcome.Settled);
        return (shopper, order);
    }
}

using System.Net;
using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Marketplace.Web.Tests.Shipping;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Payments;

public sealed class PaymentCallbackTests(PaymentCallbackTests.Fixture fixture) : IClassFixture<PaymentCallbackTests.Fixture>
{
    private readonly PaymentJourney _journey = new(fixture.App);

    [Fact]
    public async Task A_virtual_account_order_waits_unseen_by_the_seller_until_the_signed_callback_marks_it_paid()
    {
        var (sellerId, seller) = await _journey.Portal.SellerAsync(SellerOrigin.Local);
        var listing = await _journey.Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Kintamani");
        var (shopper, number) = await _journey.BankTransferOrderAsync(listing, 2);
        var order = await _journey.OrderAsync(number);

        order.PaymentStatus.Should().Be(PaymentStatus.AwaitingPayment);
        order.VirtualAccount!.Number.Should().MatchRegex("^8808[0-9]{12}$");
        order.VirtualAccount.PayBy.Should().Be(order.PlacedAt.AddHours(24));
        var confirmation = await shopper.GetDocumentAsync($"/Checkout/Confirmation/{number}");
        confirmation.Text(".payment-panel h2").Should().Be("Menunggu pembayaran");
        confirmation.Text(".va-number").Should().Be(order.VirtualAccount.Number);
        confirmation.Text(".va-bank").Should().Be("BCA");
        var shipping = await ExpectedShipping.CheapestAsync(fixture.App, "DI Yogyakarta", (listing, 2));
        order.Total.Should().Be(new Rupiah(500_000) + shipping.Price, "two coffees and the cheapest courier's fee for their parcel");
        confirmation.Text(".va-amount").Should().Be(order.Total.ToString());
        confirmation.QuerySelector("[data-countdown-to]")!.TextContent.Should().MatchRegex("^2[34]:[0-5][0-9]:[0-5][0-9]$");
        confirmation.QuerySelectorAll(".payment-panel ol li").Should().HaveCount(5);
        (await seller.GetDocumentAsync("/Seller/Orders")).QuerySelector("#order-lines").Should().BeNull("an unpaid order is not the seller's to pack");
        (await seller.GetDocumentAsync("/Seller")).QuerySelector("[data-count='orders-to-handle']")!.TextContent.Trim().Should().Be("0");

        using var paid = await _journey.PostCallbackAsync(PaymentCallbacks.PaidEvent(order, fixture.Clock.GetUtcNow()));

        paid.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _journey.OrderAsync(number)).PaymentStatus.Should().Be(PaymentStatus.Paid);
        (await seller.GetDocumentAsync("/Seller/Orders")).Text("#order-lines").Should().Contain(number);
        var detail = await shopper.GetDocumentAsync($"/Orders/{number}");
        detail.QuerySelector(".payment-panel").Should().BeNull();
        detail.Text(".order-stage").Should().Be("Dikemas");
    }

    [Fact]
    public async Task A_bad_signature_or_a_replayed_old_callback_is_refused_and_changes_nothing()
    {
        var (sellerId, _) = await _journey.Portal.SellerAsync(SellerOrigin.Local);
        var listing = await _journey.Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Mandailing");
        var (_, number) = await _journey.BankTransferOrderAsync(listing);
        var order = await _journey.OrderAsync(number);
        var fresh = PaymentCallbacks.PaidEvent(order, fixture.Clock.GetUtcNow());
        var (body, signature) = PaymentCallbacks.SignCallback(fresh, PaymentJourney.Secret);
        var (_, wrongKey) = PaymentCallbacks.SignCallback(fresh, "not-the-shared-secret");

        using var forged = await _journey.PostCallbackAsync(body, wrongKey);
        using var tampered = await _journey.PostCallbackAsync(body.Replace(fresh.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", StringComparison.Ordinal), signature);
        using var replayed = await _journey.PostCallbackAsync(fresh with { Timestamp = fixture.Clock.GetUtcNow().AddMinutes(-6) });
        using var wrongAmount = await _journey.PostCallbackAsync(fresh with { EventId = "evt-underpaid-" + number, Amount = fresh.Amount - 1 });

        forged.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        tampered.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        replayed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        wrongAmount.StatusCode.Should().Be(HttpStatusCode.OK, "money that arrived is recorded and refunded");
        (await _journey.OrderAsync(number)).PaymentStatus.Should().Be(PaymentStatus.AwaitingPayment);
    }

    [Fact]
    public async Task The_same_event_twice_and_a_second_event_for_a_paid_order_are_acknowledged_and_settle_once()
    {
        var (sellerId, _) = await _journey.Portal.SellerAsync(SellerOrigin.Local);
        var listing = await _journey.Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Flores");
        var (_, number) = await _journey.BankTransferOrderAsync(listing);
        var order = await _journey.OrderAsync(number);
        var paid = PaymentCallbacks.PaidEvent(order, fixture.Clock.GetUtcNow());

        var responses = await Task.WhenAll(_journey.PostCallbackAsync(paid), _journey.PostCallbackAsync(paid));
        var firstPaidAt = (await _journey.OrderAsync(number)).PaidAt;
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        using var another = await _journey.PostCallbackAsync(PaymentCallbacks.PaidEvent(order, fixture.Clock.GetUtcNow()));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        another.StatusCode.Should().Be(HttpStatusCode.OK);
        (await another.Content.ReadAsStringAsync()).Should().Contain("AlreadyHandled");
        var settled = await _journey.OrderAsync(number);
        settled.PaymentStatus.Should().Be(PaymentStatus.Paid);
        settled.PaidAt.Should().Be(firstPaidAt);
        (await _journey.Portal.Scenario.WithDbAsync(db => db.PaymentCallbacks.CountAsync(c => c.OrderNumber == number))).Should().Be(2);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task An_unpaid_order_expires_after_its_deadline_releases_its_stock_and_refunds_a_late_payment()
    {
        var (sellerId, _) = await _journey.Portal.SellerAsync(SellerOrigin.Local);
        var listing = await _journey.Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Wamena");
        var stockBefore = (await _journey.Portal.ListingAsync(listing))!.Stock;
        var (shopper, number) = await _journey.BankTransferOrderAsync(listing, 3);
        (await _journey.Portal.ListingAsync(listing))!.Stock.Should().Be(stockBefore - 3);
        var order = await _journey.OrderAsync(number);

        fixture.Clock.Advance(TimeSpan.FromHours(23));
        await _journey.ExpireDueAsync();
        (await _journey.OrderAsync(number)).PaymentStatus.Should().Be(PaymentStatus.AwaitingPayment, "the deadline has not passed yet");
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await _journey.ExpireDueAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        using var late = await _journey.PostCallbackAsync(PaymentCallbacks.PaidEvent(order, fixture.Clock.GetUtcNow()));

        var expired = await _journey.OrderAsync(number);
        expired.PaymentStatus.Should().Be(PaymentStatus.Expired);
        expired.Lines.Should().OnlyContain(l => l.Status == OrderLineStatus.Cancelled);
        (await _journey.Portal.ListingAsync(listing))!.Stock.Should().Be(stockBefore);
        late.StatusCode.Should().Be(HttpStatusCode.OK, "the late money is recorded and refunded");
        var history = await shopper.GetDocumentAsync("/Orders?stage=Cancelled");
        history.QuerySelector($".order-card[data-order='{number}']")!.GetAttribute("data-stage").Should().Be("Cancelled");
        (await shopper.GetDocumentAsync("/Orders?stage=Unpaid")).QuerySelector($".order-card[data-order='{number}']").Should().BeNull();
    }

    [Fact]
    public async Task The_sandbox_button_pays_the_shoppers_own_order_through_the_signed_callback_and_only_theirs()
    {
        var (sellerId, _) = await _journey.Portal.SellerAsync(SellerOrigin.Local);
        var listing = await _journey.Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Toraja Sapan");
        var (shopper, number) = await _journey.BankTransferOrderAsync(listing);
        var (_, stranger) = await _journey.Portal.ShopperAsync();
        var unpaid = await shopper.GetDocumentAsync("/Orders?stage=Unpaid");
        unpaid.QuerySelector($".order-card[data-order='{number}']").Should().NotBeNull();

        var token = (await stranger.GetDocumentAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var strangers = await stranger.PostAsync($"/Orders/{number}?handler=SimulatePayment", form);
        strangers.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var paid = await shopper.SubmitFormAsync($"/Orders/{number}", new Dictionary<string, string>(), "form.sandbox-pay");

        paid.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var detail = await shopper.GetDocumentAsync($"/Orders/{number}");
        detail.Text("#flash").Should().Contain("Pembayaran diterima");
        detail.QuerySelector(".payment-paid").Should().NotBeNull();
        (await shopper.GetDocumentAsync("/Orders?stage=Packing")).QuerySelector($".order-card[data-order='{number}']").Should().NotBeNull();
    }

    public sealed class Fixture : SellerPortalFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;
    }
}

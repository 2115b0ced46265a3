using System.Net;
using System.Security.Cryptography;
using Marketplace.Domain;
using Marketplace.Domain.Money;
using Marketplace.Domain.Orders;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Money;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Payments;

/// <summary>
/// Money that arrives is always recorded: on time by the provider's time of payment against the deadline, whenever the
/// expiry sweep ran; otherwise answered 200, booked as received and refunded, and handed to the provider as a refund.
/// </summary>
public sealed class PaymentDeadlineTests(MoneyFixture fixture) : IClassFixture<MoneyFixture>
{
    private readonly MoneyWorld _world = new(fixture.App, fixture.Clock);
    private readonly PaymentJourney _journey = new(fixture.App);

    [Fact]
    public async Task A_payment_made_after_the_deadline_and_reported_after_the_sweep_is_answered_200_booked_refunded_through_the_provider_and_reconciled()
    {
        var (_, listing) = await _world.SellerAsync();
        var order = await _world.OrderAsync(await _world.ShopperAsync(), PaymentMethod.BankTransfer, (listing, 1));
        fixture.Clock.Advance(TimeSpan.FromHours(25));
        await ExpiredAsync(order);
        var before = await TodayAsync();
        var late = PaymentCallbacks.PaidEvent(order, fixture.Clock.GetUtcNow());

        using var answered = await _journey.PostCallbackAsync(late);
        using var replayed = await _journey.PostCallbackAsync(late);

        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answered.Content.ReadAsStringAsync()).Should().Contain(nameof(CallbackOutcome.Refunded));
        replayed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await replayed.Content.ReadAsStringAsync()).Should().Contain(nameof(CallbackOutcome.AlreadyHandled));
        (await _world.ReloadAsync(order.Id)).PaymentStatus.Should().Be(PaymentStatus.Expired);
        await ShouldBeRefundedOnceAsync(order, late.EventId);
        var after = await TodayAsync();
        (after.PaymentsIn - before.PaymentsIn).Should().Be(order.Total.Amount, "the money that came in is in the day's reconciliation");
        (after.Refunds - before.Refunds).Should().Be(order.Total.Amount);
        await _world.AssertBooksBalanceAsync("a late payment and its replay");
    }

    [Fact]
    public async Task A_payment_made_after_the_deadline_is_refunded_and_ends_the_order_even_when_the_sweep_has_not_run_yet()
    {
        var (_, listing) = await _world.SellerAsync();
        var stock = (await _world.Portal.ListingAsync(listing))!.Stock;
        var order = await _world.OrderAsync(await _world.ShopperAsync(), PaymentMethod.BankTransfer, (listing, 2));
        fixture.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(10));
        var late = PaymentCallbacks.PaidEvent(order, fixture.Clock.GetUtcNow());

        using var answered = await _journey.PostCallbackAsync(late);

        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        var expired = await _world.ReloadAsync(order.Id);
        expired.PaymentStatus.Should().Be(PaymentStatus.Expired, "the payment time is after the deadline, whenever the sweep comes by");
        expired.Lines.Should().OnlyContain(l => l.Status == OrderLineStatus.Cancelled);
        (await _world.Portal.ListingAsync(listing))!.Stock.Should().Be(stock + 2, "the expired order put its units back");
        await ShouldBeRefundedOnceAsync(order, late.EventId);
        await _world.AssertBooksBalanceAsync("a late payment before the sweep");
    }

    [Fact]
    public async Task A_payment_made_before_the_deadline_but_reported_after_the_sweep_reopens_the_order_and_settles_it_once()
    {
        var (sellerId, listing) = await _world.SellerAsync();
        var order = await _world.OrderAsync(await _world.ShopperAsync(), PaymentMethod.BankTransfer, (listing, 2));
        var paidAt = order.VirtualAccount!.PayBy.AddMinutes(-5);
        fixture.Clock.Advance(TimeSpan.FromHours(26));
        await ExpiredAsync(order);
        var stockAfterExpiry = (await _world.Portal.ListingAsync(listing))!.Stock;
        var onTime = PaymentCallbacks.PaidEvent(order, fixture.Clock.GetUtcNow()) with { PaidAt = paidAt };

        using var answered = await _journey.PostCallbackAsync(onTime);
        using var replayed = await _journey.PostCallbackAsync(onTime);

        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answered.Content.ReadAsStringAsync()).Should().Contain(nameof(CallbackOutcome.Settled));
        (await replayed.Content.ReadAsStringAsync()).Should().Contain(nameof(CallbackOutcome.AlreadyHandled));
        var paid = await _world.ReloadAsync(order.Id);
        paid.PaymentStatus.Should().Be(PaymentStatus.Paid);
        paid.PaidAt.Should().Be(paidAt, "the provider's time of payment is the order's");
        paid.Lines.Should().OnlyContain(l => l.Status == OrderLineStatus.New);
        (await _world.Portal.ListingAsync(listing))!.Stock.Should().Be(stockAfterExpiry - 2, "the reopened lines take their units again");
        (await _world.BalanceAsync(LedgerAccount.Escrow(order.Id, sellerId))).Should().Be(order.Total.Amount);
        (await _world.Portal.Scenario.WithDbAsync(db => db.PaymentRefunds.CountAsync(r => r.OrderId == order.Id))).Should().Be(0);
        await _world.AssertBooksBalanceAsync("an on-time payment reported after the sweep");
    }

    [Fact]
    public async Task A_payment_made_on_time_for_an_expired_order_whose_stock_was_sold_since_is_refunded()
    {
        var (_, listing) = await _world.SellerAsync();
        var order = await _world.OrderAsync(await _world.ShopperAsync(), PaymentMethod.BankTransfer, (listing, 1));
        var paidAt = order.VirtualAccount!.PayBy.AddMinutes(-1);
        fixture.Clock.Advance(TimeSpan.FromHours(25));
        await ExpiredAsync(order);
        await _world.Portal.Scenario.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE listings SET stock = 0 WHERE id = {listing}"));
        var onTime = PaymentCallbacks.PaidEvent(order, fixture.Clock.GetUtcNow()) with { PaidAt = paidAt };

        using var answered = await _journey.PostCallbackAsync(onTime);

        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answered.Content.ReadAsStringAsync()).Should().Contain(nameof(CallbackOutcome.Refunded));
        (await _world.ReloadAsync(order.Id)).PaymentStatus.Should().Be(PaymentStatus.Expired);
        (await _world.Portal.ListingAsync(listing))!.Stock.Should().Be(0, "nothing is taken when the order cannot come back whole");
        await ShouldBeRefundedOnceAsync(order, onTime.EventId);
        await _world.AssertBooksBalanceAsync("an on-time payment for sold-out stock");
    }

    [Fact]
    public async Task A_signed_payment_naming_an_order_the_platform_has_no_row_for_is_answered_200_only_once_recorded_refunded_and_reconciled()
    {
        var before = await TodayAsync();
        var now = fixture.Clock.GetUtcNow();
        var stray = new PaymentCallbackBody(
            "evt-" + Guid.NewGuid().ToString("N"), OrderNumber.Create(now, "ZZZZZZ"), "8808" + RandomNumberGenerator.GetString("0123456789", 12), 123_456, PaymentCallbackBody.Paid, now, now);

        using var answered = await _journey.PostCallbackAsync(stray);
        using var replayed = await _journey.PostCallbackAsync(stray);

        answered.StatusCode.Should().Be(HttpStatusCode.OK, "the money is recorded, so the provider may stop retrying");
        (await answered.Content.ReadAsStringAsync()).Should().Contain(nameof(CallbackOutcome.UnknownOrder));
        replayed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await replayed.Content.ReadAsStringAsync()).Should().Contain(nameof(CallbackOutcome.AlreadyHandled));
        var facts = await _world.Portal.Scenario.WithDbAsync(async db => new
        {
            Journals = await db.LedgerTransactions.AsNoTracking().Where(t => t.Key == "unmatched:" + stray.EventId).ToListAsync(),
            Owed = await db.PaymentRefunds.AsNoTracking().Where(r => r.Reference == PaymentRefund.ReferenceFor(stray.EventId)).ToListAsync(),
            Sent = await db.SandboxPaymentRefunds.AsNoTracking().Where(r => r.Reference == PaymentRefund.ReferenceFor(stray.EventId)).ToListAsync(),
        });
        facts.Journals.Should().ContainSingle().Which.Should().Match<LedgerTransactionRow>(t => t.Kind == JournalKind.UnmatchedPaymentRefunded && t.OrderId == null);
        facts.Owed.Should().ContainSingle().Which.SubmittedAt.Should().NotBeNull("the provider took the refund");
        facts.Sent.Should().ContainSingle().Which.Should().Match<SandboxPaymentRefund>(r => r.AccountNumber == stray.AccountNumber && r.Amount == new Rupiah(123_456));
        var after = await TodayAsync();
        (after.PaymentsIn - before.PaymentsIn).Should().Be(123_456, "the money that came in is in the day's reconciliation");
        (after.Refunds - before.Refunds).Should().Be(123_456);
        await _world.AssertBooksBalanceAsync("a payment for no order and its replay");
    }

    /// <summary>The sweep has voided the order: this test's call, or the site's own sweeper that may have taken the row first.</summary>
    private async Task ExpiredAsync(Order order)
    {
        await _journey.ExpireDueAsync();
        await Eventually.WaitForAsync(() => _world.ReloadAsync(order.Id), o => o.PaymentStatus == PaymentStatus.Expired, "the order expired");
    }

    private async Task ShouldBeRefundedOnceAsync(Order order, string eventId)
    {
        var facts = await _world.Portal.Scenario.WithDbAsync(async db => new
        {
            Journals = await db.LedgerTransactions.CountAsync(t => t.OrderId == order.Id && t.Kind == JournalKind.UnmatchedPaymentRefunded),
            Payments = await db.LedgerTransactions.CountAsync(t => t.OrderId == order.Id && t.Kind == JournalKind.ShopperPayment),
            Owed = await db.PaymentRefunds.AsNoTracking().Where(r => r.OrderId == order.Id).ToListAsync(),
            Sent = await db.SandboxPaymentRefunds.AsNoTracking().Where(r => r.Reference == PaymentRefund.ReferenceFor(eventId)).ToListAsync(),
        });
        facts.Journals.Should().Be(1, "the receipt and its refund are booked once");
        facts.Payments.Should().Be(0);
        facts.Owed.Should().ContainSingle().Which.SubmittedAt.Should().NotBeNull("the provider took the refund");
        facts.Sent.Should().ContainSingle().Which.Should().Match<SandboxPaymentRefund>(r => r.AccountNumber == order.VirtualAccount!.Number && r.Amount == order.Total);
    }

    private async Task<ReconciliationDay> TodayAsync()
    {
        var today = Wib.DayOf(fixture.Clock.GetUtcNow());
        var days = await _world.WithAsync<Reconciliation, IReadOnlyList<ReconciliationDay>>(r => r.DaysAsync(today, today, CancellationToken.None));
        return days.SingleOrDefault() ?? new ReconciliationDay(today, 0, 0, 0, 0, 0, 0, 0);
    }
}

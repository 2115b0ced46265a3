using Marketplace.Domain.Money;
using Marketplace.Domain.Orders;
using Marketplace.Web.Features.AfterDelivery;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Features.Sellers.Orders;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Web.Tests.Money;

public sealed class LedgerBooksTests(MoneyFixture fixture) : IClassFixture<MoneyFixture>
{
    private readonly MoneyWorld _world = new(fixture.App, fixture.Clock);

    [Fact]
    public async Task A_paid_order_sits_in_escrow_until_receipt_then_reaches_the_seller_less_the_cluster_fee()
    {
        var (sellerId, listing) = await _world.SellerAsync();
        var order = await _world.OrderAsync(await _world.ShopperAsync(), PaymentMethod.BankTransfer, (listing, 2));

        (await _world.PayAsync(order)).Should().Be(CallbackOutcome.Settled);
        (await _world.BalanceAsync(LedgerAccount.Escrow(order.Id, sellerId))).Should().Be(515_000);
        await _world.DeliverAsync(order, sellerId);
        var confirmed = await _world.WithAsync<PartReceipts, bool>(r => r.ConfirmAsync(order.ShopperUserId, order.Number, sellerId, CancellationToken.None));

        confirmed.Should().BeTrue();
        (await _world.BalanceAsync(LedgerAccount.Escrow(order.Id, sellerId))).Should().Be(0);
        (await _world.BalanceAsync(LedgerAccount.SellerBalance(sellerId))).Should().Be(515_000 - 12_500, "coffee is in the food cluster, whose fee is 2.5% of the goods");
        await _world.AssertBooksBalanceAsync("a confirmed receipt");
    }

    [Fact]
    public async Task Escrow_is_released_by_itself_three_days_after_delivery_and_not_a_minute_before()
    {
        var (sellerId, listing) = await _world.SellerAsync();
        var order = await _world.OrderAsync(await _world.ShopperAsync(), PaymentMethod.BankTransfer, (listing, 1));
        await _world.PayAsync(order);
        await _world.DeliverAsync(order, sellerId);

        fixture.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        await _world.WithAsync<AfterDeliverySweeps, int>(s => s.ReleaseDueAsync(CancellationToken.None));
        var before = await _world.BalanceAsync(LedgerAccount.Escrow(order.Id, sellerId));
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await _world.WithAsync<AfterDeliverySweeps, int>(s => s.ReleaseDueAsync(CancellationToken.None));

        before.Should().Be(265_000);
        (await _world.BalanceAsync(LedgerAccount.Escrow(order.Id, sellerId))).Should().Be(0);
        (await _world.BalanceAsync(LedgerAccount.SellerBalance(sellerId))).Should().Be(265_000 - 6_250);
        await _world.AssertBooksBalanceAsync("the release after three days");
    }

    [Fact]
    public async Task A_part_not_shipped_two_working_days_after_payment_is_cancelled_restocked_and_refunded_with_a_notice()
    {
        var (sellerId, listing) = await _world.SellerAsync();
        var stock = (await _world.Portal.ListingAsync(listing))!.Stock;
        var thursday = new DateTimeOffset(fixture.Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddHours(2);
        while (thursday.DayOfWeek != DayOfWeek.Thursday || thursday <= fixture.Clock.GetUtcNow())
        {
            thursday = thursday.AddDays(1);
        }

        fixture.Clock.SetUtcNow(thursday);
        var order = await _world.OrderAsync(await _world.ShopperAsync(), PaymentMethod.BankTransfer, (listing, 2));
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await _world.PayAsync(order);
        var paidAt = fixture.Clock.GetUtcNow();

        fixture.Clock.SetUtcNow(OrderParts.ShipBy(paidAt) - TimeSpan.FromMinutes(1));
        (await _world.WithAsync<AfterDeliverySweeps, int>(s => s.CancelOverdueAsync(CancellationToken.None))).Should().Be(0);
        fixture.Clock.SetUtcNow(OrderParts.ShipBy(paidAt));
        var cancelled = await _world.WithAsync<AfterDeliverySweeps, int>(s => s.CancelOverdueAsync(CancellationToken.None));

        paidAt.DayOfWeek.Should().Be(DayOfWeek.Thursday);
        OrderParts.ShipBy(paidAt).Should().Be(paidAt.AddDays(4), "Thursday's payment must ship by Monday, over the weekend");
        cancelled.Should().Be(1);
        (await _world.ReloadAsync(order.Id)).Lines.Should().OnlyContain(l => l.Status == OrderLineStatus.Cancelled);
        (await _world.Portal.ListingAsync(listing))!.Stock.Should().Be(stock + 2, "the order was made without taking stock, and cancelling puts its units back");
        (await _world.BalanceAsync(LedgerAccount.Escrow(order.Id, sellerId))).Should().Be(0);
        (await _world.BalanceAsync(LedgerAccount.RefundsToShoppers)).Should().BeGreaterThanOrEqualTo(515_000);
        var toShopper = await fixture.Outbox.WaitForAsync(await _world.EmailOfAsync(order.ShopperUserId), m => IsCancellationOf(m.Subject, order.Number));
        var toSeller = await fixture.Outbox.WaitForAsync(await _world.SellerEmailAsync(sellerId), m => IsCancellationOf(m.Subject, order.Number));
        toShopper.TextBody.Should().Contain("Rp 515.000");
        toSeller.TextBody.Should().Contain("Tidak ada poin penalti", "the notice is strike-free");
        await _world.AssertBooksBalanceAsync("the ship-by cancellation");
    }

    [Fact]
    public async Task A_complaint_holds_the_escrow_and_the_sellers_acceptance_refunds_the_shopper()
    {
        var (sellerId, listing) = await _world.SellerAsync();
        var order = await _world.OrderAsync(await _world.ShopperAsync(), PaymentMethod.BankTransfer, (listing, 1));
        await _world.PayAsync(order);
        await _world.DeliverAsync(order, sellerId);

        var filed = await _world.WithAsync<PartReceipts, ComplaintFiling>(r => r.ComplainAsync(order.ShopperUserId, order.Number, sellerId, ComplaintReason.Damaged, "Toples pecah saat tiba.", [], CancellationToken.None));
        fixture.Clock.Advance(TimeSpan.FromDays(4));
        var released = await _world.WithAsync<AfterDeliverySweeps, int>(s => s.ReleaseDueAsync(CancellationToken.None));
        var held = await _world.BalanceAsync(LedgerAccount.Escrow(order.Id, sellerId));
        var complaint = await _world.Portal.Scenario.WithDbAsync(db => db.Complaints.SingleAsync(c => c.OrderId == order.Id));
        var accepted = await _world.WithAsync<Complaints, bool>(c => c.AcceptAsync(sellerId, complaint.Id, CancellationToken.None));

        filed.Should().Be(ComplaintFiling.Filed);
        released.Should().Be(0);
        held.Should().Be(265_000, "an open complaint holds the escrow past the release days");
        accepted.Should().BeTrue();
        (await _world.BalanceAsync(LedgerAccount.Escrow(order.Id, sellerId))).Should().Be(0);
        (await _world.BalanceAsync(LedgerAccount.SellerBalance(sellerId))).Should().Be(0);
        (await _world.WithAsync<PartReceipts, bool>(r => r.ConfirmAsync(order.ShopperUserId, order.Number, sellerId, CancellationToken.None))).Should().BeFalse();
        await _world.AssertBooksBalanceAsync("the accepted complaint");
    }

    [Fact]
    public async Task A_cod_part_enters_escrow_when_delivered_and_a_cancelled_line_is_never_collected()
    {
        var (sellerId, listing) = await _world.SellerAsync();
        var (_, other) = await _world.SellerAsync();
        var order = await _world.OrderAsync(await _world.ShopperAsync(), PaymentMethod.CashOnDelivery, (listing, 1), (other, 1));
        var otherSeller = order.Lines.Single(l => l.ListingId == other).SellerId;

        (await _world.MoveAsync(otherSeller, order.Lines.Single(l => l.ListingId == other).Id, OrderLineAction.Cancel)).Should().BeTrue();
        await _world.DeliverAsync(order, sellerId);

        (await _world.BalanceAsync(LedgerAccount.Escrow(order.Id, sellerId))).Should().Be(265_000);
        (await _world.BalanceAsync(LedgerAccount.Escrow(order.Id, otherSeller))).Should().Be(0);
        await _world.AssertBooksBalanceAsync("the COD delivery");
    }

    [Fact]
    public async Task Money_for_an_expired_order_is_recorded_and_refunded_and_its_replay_posts_nothing()
    {
        var (_, listing) = await _world.SellerAsync();
        var order = await _world.OrderAsync(await _world.ShopperAsync(), PaymentMethod.BankTransfer, (listing, 1));
        fixture.Clock.Advance(TimeSpan.FromHours(25));
        await _world.WithAsync<UnpaidOrderExpiry, int>(e => e.ExpireDueAsync(CancellationToken.None));
        var message = PaymentCallbacks.PaidEvent(order, fixture.Clock.GetUtcNow());
        var (body, signature) = PaymentCallbacks.SignCallback(message, MoneyWorld.PaymentSecret);

        var late = await _world.WithAsync<PaymentCallbacks, CallbackOutcome>(c => c.ReceiveAsync(body, signature, CancellationToken.None));
        var replay = await _world.WithAsync<PaymentCallbacks, CallbackOutcome>(c => c.ReceiveAsync(body, signature, CancellationToken.None));

        late.Should().Be(CallbackOutcome.Refunded);
        replay.Should().Be(CallbackOutcome.AlreadyHandled);
        var refunds = await _world.Portal.Scenario.WithDbAsync(db => db.LedgerTransactions.Where(t => t.OrderId == order.Id && t.Kind == JournalKind.UnmatchedPaymentRefunded).CountAsync());
        refunds.Should().Be(1);
        await _world.AssertBooksBalanceAsync("a late payment");
    }

    [Fact]
    public async Task The_database_refuses_an_unbalanced_transaction_an_overdraft_and_any_change_to_an_entry()
    {
        var (_, listing) = await _world.SellerAsync();
        await _world.PayAsync(await _world.OrderAsync(await _world.ShopperAsync(), PaymentMethod.BankTransfer, (listing, 1)));
        await using var connection = new NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync();
        async Task<PostgresException?> RunAsync(string sql)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            try
            {
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                await command.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                return null;
            }
            catch (PostgresException e)
            {
                return e;
            }
        }

        var setup = $"""
            INSERT INTO ledger_accounts (kind, seller_id, order_id, balance) VALUES ({(int)LedgerAccountKind.PaymentsReceived}, NULL, NULL, 0) ON CONFLICT DO NOTHING;
            INSERT INTO ledger_accounts (kind, seller_id, order_id, balance) VALUES ({(int)LedgerAccountKind.SellerBalance}, -1, NULL, 0) ON CONFLICT DO NOTHING;
            """;
        (await RunAsync(setup)).Should().BeNull();
        const string Account = "(SELECT id FROM ledger_accounts WHERE kind = {0} AND seller_id IS NULL AND order_id IS NULL)";
        var payments = string.Format(System.Globalization.CultureInfo.InvariantCulture, Account, (int)LedgerAccountKind.PaymentsReceived);
        var empty = $"(SELECT id FROM ledger_accounts WHERE kind = {(int)LedgerAccountKind.SellerBalance} AND seller_id = -1)";

        var unbalanced = await RunAsync($"""
            INSERT INTO ledger_transactions (key, kind, at) VALUES ('test:unbalanced', 0, now());
            INSERT INTO ledger_entries (transaction_id, account_id, amount) VALUES (currval('ledger_transactions_id_seq'), {payments}, -100), (currval('ledger_transactions_id_seq'), {empty}, 99);
            """);
        var overdraft = await RunAsync($"""
            INSERT INTO ledger_transactions (key, kind, at) VALUES ('test:overdraft', 0, now());
            INSERT INTO ledger_entries (transaction_id, account_id, amount) VALUES (currval('ledger_transactions_id_seq'), {empty}, -100), (currval('ledger_transactions_id_seq'), {payments}, 100);
            """);
        var edited = await RunAsync("UPDATE ledger_entries SET amount = amount + 1");
        var deleted = await RunAsync("DELETE FROM ledger_entries");

        unbalanced!.SqlState.Should().Be(PostgresErrorCodes.CheckViolation);
        unbalanced.MessageText.Should().Contain("does not sum to zero");
        overdraft!.SqlState.Should().Be(PostgresErrorCodes.CheckViolation);
        overdraft.ConstraintName.Should().Be("ck_ledger_accounts_not_negative");
        edited!.SqlState.Should().Be(PostgresErrorCodes.RestrictViolation);
        deleted!.SqlState.Should().Be(PostgresErrorCodes.RestrictViolation);
        await _world.AssertBooksBalanceAsync("the refused writes");
    }

    // The order's placed and paid mails name it too; the cancellation is the one that says so.
    private static bool IsCancellationOf(string? subject, string orderNumber) =>
        subject is not null && subject.Contains(orderNumber, StringComparison.Ordinal) && subject.Contains("dibatalkan", StringComparison.Ordinal);
}

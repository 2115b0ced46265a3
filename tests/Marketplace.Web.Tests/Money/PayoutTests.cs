using System.Net;
using System.Text;
using System.Text.Json;
using Marketplace.Domain;
using Marketplace.Domain.Money;
using Marketplace.Domain.Orders;
using Marketplace.Web.Features.AfterDelivery;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Features.Payouts;
using Microsoft.EntityFrameworkCore;
using Marketplace.Web.Tests.Infrastructure;
using Npgsql;

namespace Marketplace.Web.Tests.Money;

public sealed class PayoutTests(MoneyFixture fixture) : IClassFixture<MoneyFixture>
{
    private readonly MoneyWorld _world = new(fixture.App, fixture.Clock);

    [Fact]
    public async Task Two_withdrawals_at_once_never_overdraw_the_balance()
    {
        var (sellerId, available) = await SellerWithBalanceAsync();
        var amount = new Rupiah(available * 3 / 5);

        // A third connection holds the balance row until both withdrawals wait on it, so they truly contend.
        await using var holder = new NpgsqlConnection(fixture.App.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT 1 FROM ledger_accounts WHERE kind = {(int)LedgerAccountKind.SellerBalance} AND seller_id = {sellerId} FOR UPDATE", holder, hold))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        var first = _world.WithAsync<SellerPayouts, WithdrawalOutcome>(p => p.WithdrawAsync(sellerId, amount, CancellationToken.None));
        var second = _world.WithAsync<SellerPayouts, WithdrawalOutcome>(p => p.WithdrawAsync(sellerId, amount, CancellationToken.None));
        await WaitForLockWaitersAsync(holder, 2);
        await hold.CommitAsync();
        var outcomes = await Task.WhenAll(first, second);

        outcomes.Should().BeEquivalentTo([WithdrawalOutcome.Requested, WithdrawalOutcome.ExceedsBalance]);
        (await _world.BalanceAsync(LedgerAccount.SellerBalance(sellerId))).Should().Be(available - amount.Amount);
        (await _world.BalanceAsync(LedgerAccount.PayoutsInTransit(sellerId))).Should().Be(amount.Amount);
        await _world.AssertBooksBalanceAsync("two withdrawals at once");
    }

    [Fact]
    public async Task A_signed_callback_settles_a_payout_once_and_unsigned_stale_or_replayed_ones_change_nothing()
    {
        var (sellerId, available) = await SellerWithBalanceAsync();
        var payout = await WithdrawAsync(sellerId, 100_000);
        var paid = DisbursementCallbacks.Event(payout.Reference, payout.Amount, paid: true, fixture.Clock.GetUtcNow());

        using var unsigned = await PostAsync(JsonSerializer.Serialize(paid), null);
        using var forged = await PostAsync(JsonSerializer.Serialize(paid), "00");
        using var stale = await PostAsync(paid with { EventId = "dsb-stale", Timestamp = fixture.Clock.GetUtcNow().AddMinutes(-6) });
        var afterRefused = await StatusAsync(payout.Id);
        using var settled = await PostAsync(paid);
        using var replayed = await PostAsync(paid);
        using var contrary = await PostAsync(DisbursementCallbacks.Event(payout.Reference, payout.Amount, paid: false, fixture.Clock.GetUtcNow()));

        unsigned.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        forged.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        stale.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        afterRefused.Should().Be(PayoutStatus.InTransit);
        settled.StatusCode.Should().Be(HttpStatusCode.OK);
        (await settled.Content.ReadAsStringAsync()).Should().Contain("Settled");
        replayed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await replayed.Content.ReadAsStringAsync()).Should().Contain("AlreadyHandled");
        (await contrary.Content.ReadAsStringAsync()).Should().Contain("AlreadyHandled", "a late contrary report does not undo a settled payout");
        (await StatusAsync(payout.Id)).Should().Be(PayoutStatus.Paid);
        (await _world.BalanceAsync(LedgerAccount.PayoutsInTransit(sellerId))).Should().Be(0);
        (await _world.BalanceAsync(LedgerAccount.SellerBalance(sellerId))).Should().Be(available - 100_000);
        await _world.AssertBooksBalanceAsync("the payout callbacks");
    }

    [Fact]
    public async Task A_failed_disbursement_returns_the_money_to_the_balance()
    {
        var (sellerId, available) = await SellerWithBalanceAsync();
        var payout = await WithdrawAsync(sellerId, 50_000);

        var outcome = await _world.WithAsync<SandboxDisbursements, DisbursementOutcome?>(s => s.CompleteAsync(payout.Reference, paid: false, CancellationToken.None));

        outcome.Should().Be(DisbursementOutcome.Settled);
        (await StatusAsync(payout.Id)).Should().Be(PayoutStatus.Failed);
        (await _world.BalanceAsync(LedgerAccount.SellerBalance(sellerId))).Should().Be(available);
        await _world.AssertBooksBalanceAsync("the failed disbursement");
    }

    [Fact]
    public async Task An_account_under_another_name_is_refused_and_a_change_waits_for_the_mailed_link_then_24_hours()
    {
        var (sellerId, _) = await SellerWithBalanceAsync();
        await _world.WithAsync<SandboxDisbursements, int>(async s =>
        {
            await s.OpenAccountAsync("BRI", "1234567890", "PT SEMBARANG ORANG", CancellationToken.None);
            await s.OpenAccountAsync("BNI", "5555666677", (await _world.Portal.ShopAsync(sellerId)).StoreName + ", CV.", CancellationToken.None);
            return 0;
        });
        string? link = null;

        var stranger = await _world.WithAsync<SellerPayouts, AccountChange>(p => p.AddAccountAsync(sellerId, "BRI", "1234567890", t => link = t, CancellationToken.None));
        var unknown = await _world.WithAsync<SellerPayouts, AccountChange>(p => p.AddAccountAsync(sellerId, "BRI", "999999999", t => link = t, CancellationToken.None));
        var change = await _world.WithAsync<SellerPayouts, AccountChange>(p => p.AddAccountAsync(sellerId, "BNI", "5555-6666-77", t => link = t, CancellationToken.None));
        var stillOld = await _world.WithAsync<SellerPayouts, SellerBalance>(p => p.BalanceAsync(sellerId, CancellationToken.None));
        var wrongToken = await _world.WithAsync<SellerPayouts, bool>(p => p.ConfirmAccountAsync(sellerId, "not-the-token", CancellationToken.None));
        var confirmed = await _world.WithAsync<SellerPayouts, bool>(p => p.ConfirmAccountAsync(sellerId, link, CancellationToken.None));
        var blocked = await _world.WithAsync<SellerPayouts, WithdrawalOutcome>(p => p.WithdrawAsync(sellerId, new Rupiah(20_000), CancellationToken.None));
        fixture.Clock.Advance(TimeSpan.FromHours(24));
        var allowed = await _world.WithAsync<SellerPayouts, WithdrawalOutcome>(p => p.WithdrawAsync(sellerId, new Rupiah(20_000), CancellationToken.None));

        stranger.Should().Be(AccountChange.HolderMismatch);
        unknown.Should().Be(AccountChange.NotFoundAtBank);
        change.Should().Be(AccountChange.ConfirmationSent);
        stillOld.Account!.Bank.Should().Be("BCA");
        stillOld.AwaitingConfirmation!.Number.Should().Be("5555666677");
        wrongToken.Should().BeFalse();
        confirmed.Should().BeTrue();
        blocked.Should().Be(WithdrawalOutcome.CoolingOff);
        allowed.Should().Be(WithdrawalOutcome.Requested);
        (await _world.WithAsync<SellerPayouts, SellerBalance>(p => p.BalanceAsync(sellerId, CancellationToken.None))).Payouts[0].Bank.Should().Be("BNI");
    }

    private async Task<(int SellerId, long Available)> SellerWithBalanceAsync()
    {
        var (sellerId, listing) = await _world.SellerAsync();
        var order = await _world.OrderAsync(await _world.ShopperAsync(), PaymentMethod.BankTransfer, (listing, 2));
        (await _world.PayAsync(order)).Should().Be(CallbackOutcome.Settled);
        await _world.DeliverAsync(order, sellerId);
        (await _world.WithAsync<PartReceipts, bool>(r => r.ConfirmAsync(order.ShopperUserId, order.Number, sellerId, CancellationToken.None))).Should().BeTrue();
        return (sellerId, await _world.BalanceAsync(LedgerAccount.SellerBalance(sellerId)));
    }

    private async Task<Payout> WithdrawAsync(int sellerId, long amount)
    {
        (await _world.WithAsync<SellerPayouts, WithdrawalOutcome>(p => p.WithdrawAsync(sellerId, new Rupiah(amount), CancellationToken.None))).Should().Be(WithdrawalOutcome.Requested);
        return await _world.Portal.Scenario.WithDbAsync(db => db.Payouts.AsNoTracking().Where(p => p.SellerId == sellerId).OrderByDescending(p => p.Id).FirstAsync());
    }

    private Task<PayoutStatus> StatusAsync(long payoutId) =>
        _world.Portal.Scenario.WithDbAsync(db => db.Payouts.Where(p => p.Id == payoutId).Select(p => p.Status).SingleAsync());

    private Task<HttpResponseMessage> PostAsync(DisbursementCallbackBody message)
    {
        var body = JsonSerializer.Serialize(message);
        return PostAsync(body, PaymentSignature.Sign(body, MoneyWorld.PayoutSecret));
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PayoutServices.CallbackPath) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add(PaymentSignature.Header, signature);
        }

        return await fixture.App.CreateClient().SendAsync(request);
    }

    private static async Task WaitForLockWaitersAsync(NpgsqlConnection connection, int count)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(DISTINCT l.pid) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()", connection);
        await Eventually.WaitForAsync(async () => (long)(await command.ExecuteScalarAsync())!, waiting => waiting >= count, $"{count} withdrawals waiting on the balance's row lock");
    }
}

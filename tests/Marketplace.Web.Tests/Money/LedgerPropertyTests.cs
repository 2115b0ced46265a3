using CsCheck;
using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Features.AfterDelivery;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Features.Payouts;
using Marketplace.Web.Features.Sellers.Orders;
using Marketplace.Web.Features.Shipping;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Money;

/// <summary>
/// Random sequences of what shoppers, sellers, admins, the payment and disbursement providers and time do, run through
/// the real services on PostgreSQL; after every step the books must balance. A step that does not apply (shipping a
/// cancelled line, confirming an undelivered part) is refused by the services and must leave the books balanced too.
/// </summary>
public sealed class LedgerPropertyTests(MoneyFixture fixture) : IClassFixture<MoneyFixture>
{
    private enum Step
    {
        PlaceTransferOrder,
        PlaceCodOrder,
        Pay,
        PayWrongAmount,
        Cancel,
        Ship,
        Deliver,
        Confirm,
        Complain,
        AcceptComplaint,
        DisputeAndDecide,
        Withdraw,
        DisbursementPaid,
        DisbursementFailed,
        PassTime,
    }

    private readonly MoneyWorld _world = new(fixture.App, fixture.Clock);

    [Fact]
    public async Task The_books_balance_after_every_step_of_any_sequence_of_money_events()
    {
        var sellers = new[] { await _world.SellerAsync(), await _world.SellerAsync() };
        var shopper = await _world.ShopperAsync();
        var steps = Gen.Select(Gen.Enum<Step>(), Gen.Int[0, 1000], Gen.Int[0, 1000]).Array[8, 30];

        await steps.SampleAsync(
            async sequence =>
            {
                var orders = new List<long>();
                foreach (var (step, a, b) in sequence)
                {
                    await RunAsync(step, a, b, sellers, shopper, orders);
                    await _world.AssertBooksBalanceAsync($"{step}({a}, {b}) in [{string.Join(", ", sequence.Select(s => s.Item1))}]");
                }
            },
            iter: 12,
            threads: 1,
            seed: Environment.GetEnvironmentVariable("LEDGER_PROPERTY_SEED"));
    }

    private async Task RunAsync(Step step, int a, int b, (int SellerId, long ListingId)[] sellers, string shopper, List<long> orders)
    {
        Order? order = orders.Count == 0 ? null : await _world.ReloadAsync(orders[a % orders.Count]);
        var line = order?.Lines.ElementAt(b % order.Lines.Count);
        switch (step)
        {
            case Step.PlaceTransferOrder or Step.PlaceCodOrder:
                var lines = (a % 3) switch
                {
                    0 => new[] { (sellers[0].ListingId, 1 + (b % 3)) },
                    1 => [(sellers[1].ListingId, 1)],
                    _ => [(sellers[0].ListingId, 1), (sellers[1].ListingId, 1 + (b % 2))],
                };
                var placed = await _world.OrderAsync(shopper, step == Step.PlaceCodOrder ? PaymentMethod.CashOnDelivery : PaymentMethod.BankTransfer, lines);
                orders.Add(placed.Id);
                break;
            case Step.Pay when order is { PaymentMethod: PaymentMethod.BankTransfer }:
                await _world.PayAsync(order);
                break;
            case Step.PayWrongAmount when order is { PaymentMethod: PaymentMethod.BankTransfer }:
                await _world.PayAsync(order, order.Total.Amount - 1 - (b % 1000));
                break;
            case Step.Cancel or Step.Ship or Step.Deliver when line is not null:
                await MoveAsync(order!, line, step, b);
                break;
            case Step.Confirm when line is not null:
                await _world.WithAsync<PartReceipts, bool>(r => r.ConfirmAsync(shopper, order!.Number, line.SellerId, CancellationToken.None));
                break;
            case Step.Complain when line is not null:
                await _world.WithAsync<PartReceipts, ComplaintFiling>(r => r.ComplainAsync(shopper, order!.Number, line.SellerId, (ComplaintReason)(b % 3), "Barang tidak sesuai.", [], CancellationToken.None));
                break;
            case Step.AcceptComplaint or Step.DisputeAndDecide when order is not null:
                await DecideAsync(order.Id, step == Step.AcceptComplaint, refund: b % 2 == 0);
                break;
            case Step.Withdraw:
                var seller = sellers[a % 2].SellerId;
                var balance = await _world.BalanceAsync(Domain.Money.LedgerAccount.SellerBalance(seller));
                await _world.WithAsync<SellerPayouts, WithdrawalOutcome>(p => p.WithdrawAsync(seller, new Rupiah(Math.Max(1, balance * (b % 150) / 100)), CancellationToken.None));
                break;
            case Step.DisbursementPaid or Step.DisbursementFailed:
                var references = await _world.Portal.Scenario.WithDbAsync(db => db.SandboxDisbursements.OrderBy(d => d.Reference).Select(d => d.Reference).ToListAsync());
                var reference = references.Count == 0 ? null : references[a % references.Count];
                if (reference is not null)
                {
                    await _world.WithAsync<SandboxDisbursements, DisbursementOutcome?>(s => s.CompleteAsync(reference, step == Step.DisbursementPaid, CancellationToken.None));
                }

                break;
            case Step.PassTime:
                fixture.Clock.Advance(TimeSpan.FromHours(1 + (a % 60)));
                await _world.WithAsync<UnpaidOrderExpiry, int>(e => e.ExpireDueAsync(CancellationToken.None));
                await _world.WithAsync<AfterDeliverySweeps, int>(s => s.CancelOverdueAsync(CancellationToken.None));
                await _world.WithAsync<AfterDeliverySweeps, int>(s => s.ReleaseDueAsync(CancellationToken.None));
                break;
        }
    }

    /// <summary>
    /// The seller cancels a line by hand. Shipping books the line's part with the courier, which mostly picks it up at once;
    /// delivery is the courier's signed "delivered" webhook for that parcel, never the seller's word. A move the part's state
    /// does not allow is refused, as the seller's page and the webhook refuse it.
    /// </summary>
    private async Task MoveAsync(Order order, OrderLine line, Step step, int b)
    {
        switch (step)
        {
            case Step.Cancel:
                try
                {
                    await _world.MoveAsync(line.SellerId, line.Id, OrderLineAction.Cancel);
                }
                catch (DomainException)
                {
                    // A line that left the shop, or was cancelled already: refused, as the seller's page refuses it.
                }

                break;
            case Step.Ship:
                var booked = await _world.WithAsync<Shipments, BookingResult>(s => s.BookAsync(line.SellerId, order.Number, "seller@example.id", CancellationToken.None));
                if (booked.Outcome == BookingOutcome.Booked && b % 4 != 0)
                {
                    await _world.TrackAsync(booked.TrackingNumber!, TrackingStage.PickedUp);
                }

                break;
            default:
                var resi = await _world.Portal.Scenario.WithDbAsync(db =>
                    db.Shipments.Where(s => s.OrderId == order.Id && s.SellerId == line.SellerId).Select(s => s.TrackingNumber).SingleOrDefaultAsync());
                if (resi is not null)
                {
                    await _world.TrackAsync(resi, TrackingStage.Delivered);
                }

                break;
        }
    }

    private async Task DecideAsync(long orderId, bool sellerAccepts, bool refund)
    {
        var complaint = await _world.Portal.Scenario.WithDbAsync(db => db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.OrderId == orderId));
        if (complaint is null)
        {
            return;
        }

        if (sellerAccepts)
        {
            await _world.WithAsync<Complaints, bool>(c => c.AcceptAsync(complaint.SellerId, complaint.Id, CancellationToken.None));
            return;
        }

        await _world.WithAsync<Complaints, bool>(c => c.AnswerAsync(complaint.SellerId, complaint.Id, "Barang dikirim sesuai pesanan.", CancellationToken.None));
        await _world.WithAsync<Complaints, bool>(c => c.DecideAsync(complaint.Id, refund, "admin@example.id", CancellationToken.None));
    }
}

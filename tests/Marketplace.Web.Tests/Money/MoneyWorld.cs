using System.Security.Cryptography;
using Marketplace.Domain;
using Marketplace.Domain.Money;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Sellers;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Features.Payouts;
using Marketplace.Web.Features.Sellers.Orders;
using Marketplace.Web.Features.Shipping;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shipment = Marketplace.Web.Features.Sellers.Orders.Shipment;

namespace Marketplace.Web.Tests.Money;

/// <summary>A site on a clock of the test's own (a Monday, 10:00 WIB), whose after-delivery job stays out of the way: the tests run the sweeps themselves.</summary>
public class MoneyFixture : SellerPortalFixture
{
    public static readonly DateTimeOffset Monday = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Monday);

    public TestOutbox Outbox { get; } = new();

    protected override TimeProvider? OwnClock => Clock;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings.Concat(Outbox.Settings))
    {
        ["Ledger:SweepSeconds"] = "31536000",
        ["Fees:Percent"] = "5",
        ["Fees:PercentByCluster:FOOD"] = "2.5",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Outbox.Dispose();
    }
}

/// <summary>Sellers, shoppers and orders driven through the real services, and the books checked as the database holds them.</summary>
public sealed class MoneyWorld(MarketplaceApp app, FakeTimeProvider clock)
{
    public const string PaymentSecret = "sandbox-callback-secret-testing";
    public const string PayoutSecret = "sandbox-disbursement-secret-testing";
    public const string TrackingSecret = "sandbox-tracking-secret-testing";

    public SellerPortal Portal { get; } = new(app);

    public FakeTimeProvider Clock => clock;

    /// <summary>A verified local shop with a live listing and a payout account its bank knows under the shop's name.</summary>
    public async Task<(int SellerId, long ListingId)> SellerAsync()
    {
        var (sellerId, listing, _) = await SignedInSellerAsync();
        return (sellerId, listing);
    }

    /// <summary>The same shop, with its owner signed in.</summary>
    public async Task<(int SellerId, long ListingId, HttpClient Client)> SignedInSellerAsync()
    {
        var (sellerId, client) = await Portal.SellerAsync(SellerOrigin.Local);
        var listing = await Portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Gayo " + sellerId);
        var shop = await Portal.ShopAsync(sellerId);
        var number = "70" + sellerId.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        await WithAsync<SandboxDisbursements, int>(async s =>
        {
            await s.OpenAccountAsync("BCA", number, shop.StoreName.ToUpperInvariant(), CancellationToken.None);
            return 0;
        });
        (await WithAsync<SellerPayouts, AccountChange>(p => p.AddAccountAsync(sellerId, "BCA", number, t => "/confirm/" + t, CancellationToken.None))).Should().Be(AccountChange.Added);
        return (sellerId, listing, client);
    }

    public async Task<string> ShopperAsync() => (await TestUsers.CreateAsync(app, $"pembeli-{Guid.NewGuid():N}@example.id", Roles.Shopper)).Id;

    /// <summary>An order placed now, as checkout builds it: each seller's part ships by the sandbox's JNE REG; a bank transfer order gets its virtual account.</summary>
    public Task<Order> OrderAsync(string shopperId, PaymentMethod method, params (long ListingId, int Quantity)[] lines) =>
        PlaceAsync(shopperId, method, courierChosen: true, lines);

    /// <summary>An order placed before shoppers chose a courier: its seller ships it by hand, with a courier and resi of their own.</summary>
    public Task<Order> OrderShippedByHandAsync(string shopperId, params (long ListingId, int Quantity)[] lines) =>
        PlaceAsync(shopperId, PaymentMethod.BankTransfer, courierChosen: false, lines);

    private Task<Order> PlaceAsync(string shopperId, PaymentMethod method, bool courierChosen, (long ListingId, int Quantity)[] lines) =>
        Portal.Scenario.WithDbAsync(async db =>
        {
            var now = clock.GetUtcNow();
            var order = new Order(
                OrderNumber.Create(now, RandomNumberGenerator.GetString(OrderNumber.Alphabet, OrderNumber.SuffixLength)),
                shopperId,
                ShippingAddress.Create("Siti Rahayu", "081234567890", "Jl. Malioboro 12", "Yogyakarta", "DI Yogyakarta", "55271"),
                method,
                new Rupiah(15_000),
                now);
            foreach (var (listingId, quantity) in lines)
            {
                var listing = await db.Listings.SingleAsync(l => l.Id == listingId);
                order.AddLine(listing.Id, listing.SellerId, listing.Title, listing.Price, quantity);
            }

            foreach (var sellerId in courierChosen ? order.Lines.Select(l => l.SellerId).Distinct() : [])
            {
                order.ShipWith(new OrderShipping(sellerId, "JNE-REG", "JNE", "REG", 1, new Rupiah(15_000), 2, 3));
            }

            if (method == PaymentMethod.BankTransfer)
            {
                order.AwaitTransferInto(new VirtualAccount("BCA", "8808" + RandomNumberGenerator.GetString("0123456789", 12), now.AddHours(24)));
            }

            db.Orders.Add(order);
            await db.SaveChangesAsync();
            return order;
        });

    public Task<Order> ReloadAsync(long orderId) =>
        Portal.Scenario.WithDbAsync(db => db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == orderId));

    /// <summary>The provider's signed callback for the order, paying <paramref name="amount"/> (the total when null).</summary>
    public async Task<CallbackOutcome> PayAsync(Order order, long? amount = null)
    {
        var message = PaymentCallbacks.PaidEvent(order, clock.GetUtcNow()) with { Amount = amount ?? order.Total.Amount };
        var (body, signature) = PaymentCallbacks.SignCallback(message, PaymentSecret);
        return await WithAsync<PaymentCallbacks, CallbackOutcome>(c => c.ReceiveAsync(body, signature, CancellationToken.None));
    }

    public Task<bool> MoveAsync(int sellerId, long lineId, OrderLineAction action) =>
        WithAsync<SellerOrders, bool>(s => s.MoveAsync(sellerId, lineId, action, action == OrderLineAction.Ship ? new Shipment("JNE", "JNE" + lineId.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)) : null, "seller@example.id", CancellationToken.None));

    /// <summary>The seller books the part's courier, which picks the parcel up and delivers it: two signed tracking webhooks.</summary>
    public async Task DeliverAsync(Order order, int sellerId)
    {
        var resi = await BookAsync(order, sellerId);
        (await TrackAsync(resi, TrackingStage.PickedUp)).Should().Be(TrackingOutcome.Applied);
        (await TrackAsync(resi, TrackingStage.Delivered)).Should().Be(TrackingOutcome.Applied);
    }

    /// <summary>Books the seller's part with the service the shopper chose; returns the resi.</summary>
    public async Task<string> BookAsync(Order order, int sellerId)
    {
        var booked = await WithAsync<Shipments, BookingResult>(s => s.BookAsync(sellerId, order.Number, "seller@example.id", CancellationToken.None));
        booked.Outcome.Should().Be(BookingOutcome.Booked, booked.Problem);
        return booked.TrackingNumber!;
    }

    /// <summary>The courier's signed tracking webhook for the parcel reaching <paramref name="stage"/> now.</summary>
    public Task<TrackingOutcome> TrackAsync(string resi, TrackingStage stage)
    {
        var message = new TrackingCallbackBody("trk-" + Guid.NewGuid().ToString("N"), resi, TrackingCallbackBody.StatusOf(stage), "Hub", clock.GetUtcNow());
        var (body, signature) = TrackingCallbacks.Sign(message, TrackingSecret);
        return WithAsync<TrackingCallbacks, TrackingOutcome>(c => c.ReceiveAsync(body, signature, CancellationToken.None));
    }

    public Task<string> EmailOfAsync(string userId) => Portal.Scenario.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync());

    public Task<string> SellerEmailAsync(int sellerId) =>
        Portal.Scenario.WithDbAsync(db => db.Sellers.Where(s => s.Id == sellerId).Join(db.Users, s => s.UserId, u => u.Id, (s, u) => u.Email!).SingleAsync());

    public Task<long> BalanceAsync(LedgerAccount account) => WithAsync<Books, long>(b => b.BalanceAsync(account, CancellationToken.None));

    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>
    /// The books as the database holds them: all entries sum to zero, each transaction sums to zero, each balance is the sum
    /// of its entries, no money-holding account is below zero, and every day of the reconciliation balances.
    /// </summary>
    public async Task AssertBooksBalanceAsync(string step)
    {
        var facts = await Portal.Scenario.WithDbAsync(async db => new
        {
            Total = await db.LedgerEntries.SumAsync(e => e.Amount),
            Unbalanced = await db.LedgerEntries.GroupBy(e => e.TransactionId).Where(g => g.Sum(e => e.Amount) != 0).CountAsync(),
            Drifted = await db.LedgerAccounts.CountAsync(a => a.Balance != db.LedgerEntries.Where(e => e.AccountId == a.Id).Sum(e => e.Amount)),
            Negative = await db.LedgerAccounts.CountAsync(a => a.Kind != LedgerAccountKind.PaymentsReceived && a.Balance < 0),
        });
        facts.Total.Should().Be(0, "all entries sum to zero after {0}", step);
        facts.Unbalanced.Should().Be(0, "every transaction sums to zero after {0}", step);
        facts.Drifted.Should().Be(0, "every balance is the sum of its entries after {0}", step);
        facts.Negative.Should().Be(0, "no account holding money is below zero after {0}", step);
        var today = Wib.DayOf(clock.GetUtcNow());
        var days = await WithAsync<Reconciliation, IReadOnlyList<ReconciliationDay>>(r => r.DaysAsync(today.AddDays(-60), today, CancellationToken.None));
        days.Where(d => d.Difference != 0).Should().BeEmpty("every day reconciles after {0}", step);
    }
}

using System.Security.Cryptography;
using Marketplace.Domain;
using Marketplace.Domain.Money;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Features.Payouts;
using Marketplace.Web.Features.Sellers.Orders;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

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

    /// <summary>An order placed now, as checkout builds it; a bank transfer order gets its virtual account.</summary>
    public Task<Order> OrderAsync(string shopperId, PaymentMethod method, params (long ListingId, int Quantity)[] lines) =>
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

    /// <summary>Packs, ships and delivers every line of the seller's part.</summary>
    public async Task DeliverAsync(Order order, int sellerId)
    {
        foreach (var line in order.Lines.Where(l => l.SellerId == sellerId))
        {
            foreach (var action in new[] { OrderLineAction.Pack, OrderLineAction.Ship, OrderLineAction.Deliver })
            {
                (await MoveAsync(sellerId, line.Id, action)).Should().BeTrue();
            }
        }
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

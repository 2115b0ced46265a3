using System.Net;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Enforcement;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Enforcement;

/// <summary>Closing foreign shops: preview equals effect; at the instant sign-in and the API are refused, listings leave, open orders are cancelled with restock.</summary>
public sealed class ClosureTests(ClosureTests.Fixture fixture) : IClassFixture<ClosureTests.Fixture>
{
    private readonly EnforcementScenario _scenario = new(fixture.App);
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task At_the_closing_instant_the_shop_is_closed_as_previewed_its_open_orders_cancelled_with_restock_and_its_owner_refused()
    {
        var (seller, email) = await _scenario.Policy.CreateSellerWithLoginAsync(SellerOrigin.CrossBorder, "CN");
        var client = await TestUsers.SignedInClientAsync(fixture.App, email);
        var token = await SellerPortal.CreateTokenAsync(client);
        var phone = await _scenario.Policy.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone Murah 4G", ProductOrigin.Imported);
        var cable = await _scenario.Policy.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone Lipat 5G", ProductOrigin.Imported);
        var open = await _portal.OrderAsync((phone, 2));
        var shipped = await _portal.OrderAsync((cable, 1));
        await ShipAsync(shipped.Id);
        await _scenario.Policy.WithDbAsync(db => db.Users.Where(u => u.Id == open.ShopperUserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "en")));
        var stockBefore = (await _scenario.Policy.ListingAsync(phone)).Stock;

        var preview = await _scenario.WithAsync<ShopClosures, ClosurePreview>(c => c.PreviewAsync([seller], CancellationToken.None));
        preview.Shops.Should().ContainSingle(s => s.SellerId == seller && s.LiveListings == 2 && s.OpenOrderLines == 1);

        var closesAt = fixture.Clock.GetUtcNow().AddHours(1);
        await _scenario.WithAsync<ShopClosures, long>(c => c.ScheduleAsync([seller], "AKAR tahap 4: pedagang asing di klaster tertutup", closesAt, EnforcementScenario.Admin, CancellationToken.None));
        (await _scenario.ShopAsync(seller)).Status.Should().Be(SellerStatus.Active, "the notice period runs until the instant");
        (await TestUsers.SignedInClientAsync(fixture.App, email)).Dispose();

        fixture.Clock.Advance(TimeSpan.FromHours(1));

        (await LoginAsync(email)).Should().Contain("ditutup", "sign-in is refused from the instant, even before the sweep");
        await _scenario.WithAsync<ShopClosures, int>(c => c.ApplyDueAsync(CancellationToken.None));

        // The site's own sweeper also wakes on the advanced clock and may hold the closure (SKIP LOCKED) while it applies it.
        await Eventually.WaitForAsync(() => _scenario.ShopAsync(seller), shop => shop.Status == SellerStatus.Closed, "the closure applied");
        foreach (var listing in new[] { phone, cable })
        {
            (await _scenario.Policy.ListingAsync(listing)).State.Should().Be(ListingState.Suspended);
            (await _scenario.Policy.IsVisibleAsync(listing)).Should().BeFalse();
            (await _scenario.Policy.DecisionsAsync(listing)).Last().Trigger.Should().Be(DecisionTrigger.SellerClosed);
        }

        var lines = await _scenario.Policy.WithDbAsync(db => db.OrderLines.AsNoTracking().Where(l => l.SellerId == seller).ToDictionaryAsync(l => l.OrderId, l => l.Status));
        lines[open.Id].Should().Be(OrderLineStatus.Cancelled);
        lines[shipped.Id].Should().Be(OrderLineStatus.Shipped, "shipped orders run to delivery");
        (await _scenario.Policy.ListingAsync(phone)).Stock.Should().Be(stockBefore + 2, "the cancelled line's quantity is restocked");
        var shopperEmail = await _scenario.Policy.WithDbAsync(db => db.Users.Where(u => u.Id == open.ShopperUserId).Select(u => u.Email!).SingleAsync());
        // Read as the shopper receives it: the outbox worker sends and removes queued mail at any moment.
        var mail = await fixture.Outbox.WaitForAsync(shopperEmail, m => m.Subject?.Contains("partly cancelled", StringComparison.Ordinal) == true);
        mail.Subject.Should().Contain(open.Number, "in the shopper's language, naming the order");
        (await LoginAsync(email)).Should().Contain("ditutup");
        using (var api = await client.SendAsync(SellerPortal.Api(HttpMethod.Get, "/listings", token)))
        {
            api.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var kinds = await _scenario.Policy.WithDbAsync(db => db.AdminActions.AsNoTracking().Select(a => a.Kind).ToListAsync());
        kinds.Should().Contain([AdminActionKind.ShopClosureScheduled, AdminActionKind.ShopClosureApplied]);
    }

    [Fact]
    public async Task A_closure_is_reversed_by_an_admin_and_the_listings_the_rules_allow_come_back()
    {
        var (seller, email) = await _scenario.Policy.CreateSellerWithLoginAsync(SellerOrigin.CrossBorder, "KR");
        var listing = await _scenario.Policy.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone Kamera Ganda", ProductOrigin.Imported);
        var closure = await _scenario.WithAsync<ShopClosures, long>(c => c.ScheduleAsync([seller], "Uji penutupan", fixture.Clock.GetUtcNow(), EnforcementScenario.Admin, CancellationToken.None));
        (await _scenario.ShopAsync(seller)).Status.Should().Be(SellerStatus.Closed, "a closure whose instant has come takes effect at once");

        await _scenario.WithAsync<ShopClosures, bool>(async c => { await c.ReverseAsync(closure, "Salah toko", EnforcementScenario.Admin, CancellationToken.None); return true; });

        (await _scenario.ShopAsync(seller)).Status.Should().Be(SellerStatus.Active);
        (await _scenario.Policy.ListingAsync(listing)).State.Should().Be(ListingState.Published);
        (await TestUsers.SignedInClientAsync(fixture.App, email)).Dispose();
    }

    [Fact]
    public async Task Every_shop_wholly_in_closed_clusters_is_found_for_closure_and_a_shop_with_nothing_live_is_not()
    {
        var electronics = await _scenario.Policy.ClusterIdAsync(Marketplace.Web.Data.Seed.ReferenceCatalog.Electronics);
        var closed = await _scenario.Policy.ClosedClustersAsync();
        var wholly = await _scenario.Policy.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var empty = await _scenario.Policy.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        await _scenario.Policy.CreatePublishedAsync(wholly, PolicyScenario.Smartphones, "Smartphone Anak", ProductOrigin.Imported);
        try
        {
            await _scenario.Policy.RulesAsync(r => r.BlockClusterAsync(electronics, null, "Uji", "admin"));

            var ids = await _scenario.WithAsync<ShopClosures, IReadOnlyList<int>>(c => c.WhollyInClosedClustersAsync(CancellationToken.None));

            ids.Should().Contain(wholly).And.NotContain(empty);
        }
        finally
        {
            await _scenario.Policy.RestoreClustersAsync(closed);
        }
    }

    private async Task<string> LoginAsync(string email)
    {
        var client = fixture.App.CreateBrowserClient();
        using var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await FormPost.ParseAsync(response)).QuerySelector(".validation-summary-errors, .alert-danger, [data-valmsg-summary]")?.TextContent ?? string.Empty;
    }

    private Task<int> ShipAsync(long orderId) =>
        _scenario.Policy.WithDbAsync(async db =>
        {
            var line = await db.OrderLines.SingleAsync(l => l.OrderId == orderId);
            db.OrderLineEvents.Add(line.Pack("seller", fixture.Clock.GetUtcNow()));
            db.OrderLineEvents.Add(line.Ship("JNE", "JNE1234567890", "seller", fixture.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public TestOutbox Outbox { get; } = new();

        protected override TimeProvider? OwnClock => Clock;

        protected override IReadOnlyDictionary<string, string?> Settings => Outbox.Settings;

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Outbox.Dispose();
        }
    }
}

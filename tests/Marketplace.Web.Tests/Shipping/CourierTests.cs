using System.Globalization;
using System.Net;
using System.Text;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Sellers;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Features.Shipping;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Shipping;

/// <summary>Courier quotes from product page to placement, booking, signed tracking webhooks and the A6 label, through HTTP.</summary>
public sealed class CourierTests(CourierTests.Fixture fixture) : IClassFixture<CourierTests.Fixture>
{
    private const string Secret = "sandbox-tracking-secret-testing";

    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task The_product_page_the_cart_and_the_checkout_quote_the_same_price_and_the_order_charges_it()
    {
        var (sellerId, _) = await _portal.SellerAsync(SellerOrigin.Local);
        var listing = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Toraja");
        var (_, shopper) = await _portal.ShopperAsync();

        var product = await shopper.GetDocumentAsync($"/p/{listing}?province=Papua%20Pegunungan");
        var productPrice = product.QuerySelector(".shipping-quote")!.GetAttribute("data-price");
        await shopper.AddToCartAsync(listing);
        var cart = await shopper.GetDocumentAsync("/Cart");
        var checkout = await shopper.GetDocumentAsync("/Checkout");
        var chosen = checkout.QuerySelector($".courier-part[data-seller='{sellerId}'] input:checked")!;
        var checkoutPrice = chosen.ParentElement!.QuerySelector(".courier-price")!.TextContent;

        cart.QuerySelector($".cart-shipping[data-seller='{sellerId}']")!.GetAttribute("data-price").Should().Be(productPrice);
        checkoutPrice.Should().Be(Rupiah(productPrice!));
        var address = Shopping.Address();
        address["Input.Province"] = "Papua Pegunungan";
        using var placed = await shopper.CheckOutAsync(address);
        placed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var order = await OrderAsync(placed.Headers.Location!.OriginalString.Split('/')[^1]);
        order.Parts.Single().ShippingFee.Amount.Should().Be(long.Parse(productPrice!, CultureInfo.InvariantCulture));
        order.Parts.Single().Shipping!.ServiceCode.Should().Be(chosen.GetAttribute("value"));
        order.Total.Should().Be(order.Subtotal + order.Parts.Single().ShippingFee);
    }

    [Fact]
    public async Task Placing_an_order_quotes_again_and_refuses_a_fee_or_service_the_rates_do_not_give()
    {
        var (sellerId, _) = await _portal.SellerAsync(SellerOrigin.Local);
        var listing = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Kerinci");
        var (_, shopper) = await _portal.ShopperAsync();
        await shopper.AddToCartAsync(listing);

        var tamperedFee = Shopping.Address();
        var (action, form) = await shopper.PrepareFormAsync(Shopping.CheckoutUrl, tamperedFee);
        var fields = (await form.ReadAsStringAsync()).Split('&').Select(p => p.Split('=')).ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
        form.Dispose();
        var expected = fields["Input.ShippingExpected"];
        fields["Input.ShippingExpected"] = expected[..(expected.IndexOf('@', StringComparison.Ordinal) + 1)] + "1";
        using (var cheap = await shopper.PostAsync(action, new FormUrlEncodedContent(fields)))
        {
            cheap.StatusCode.Should().Be(HttpStatusCode.OK, "a fee the shopper did not see is refused, never charged");
        }

        fields["Input.ShippingExpected"] = expected;
        fields[$"Input.Services[{sellerId}]"] = "KURIR-PALSU";
        using (var unknown = await shopper.PostAsync(action, new FormUrlEncodedContent(fields)))
        {
            unknown.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await _portal.Scenario.WithDbAsync(db => db.Orders.CountAsync(o => o.Lines.Any(l => l.ListingId == listing)))).Should().Be(0);
    }

    [Fact]
    public async Task A_booked_parcel_gets_a_resi_and_only_signed_new_forward_tracking_events_move_it()
    {
        var (seller, number, _) = await CashOnDeliveryOrderAsync("Kemeja Batik Parang");
        using (var booked = await seller.SubmitFormAsync($"/Seller/Orders/{number}", new Dictionary<string, string>(), "form[action*=Book]"))
        {
            booked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var shipment = await _portal.Scenario.WithDbAsync(db => db.Shipments.AsNoTracking().SingleAsync(s => s.OrderId == db.Orders.Single(o => o.Number == number).Id));
        shipment.TrackingNumber.Should().MatchRegex("^[A-Z]{2,3}[0-9]{12}$");
        var now = fixture.Clock.GetUtcNow();
        TrackingCallbackBody Event(string id, string status, int hours) => new(id, shipment.TrackingNumber, status, "Hub", now.AddHours(hours));

        (await PostAsync(Event("t1", "picked_up", 1), signed: false)).Should().Be(HttpStatusCode.Unauthorized);
        (await StatusAsync(number)).Should().Be(OrderLineStatus.Packed);
        (await PostAsync(Event("t1", "picked_up", 1))).Should().Be(HttpStatusCode.OK);
        (await StatusAsync(number)).Should().Be(OrderLineStatus.Shipped);
        (await PostAsync(Event("t2", "delivered", 30))).Should().Be(HttpStatusCode.OK);
        (await PostAsync(Event("t2", "delivered", 30))).Should().Be(HttpStatusCode.OK, "a replay is acknowledged and changes nothing");
        (await PostAsync(Event("t3", "in_transit", 31))).Should().Be(HttpStatusCode.OK, "an event after delivery is acknowledged and ignored");

        (await StatusAsync(number)).Should().Be(OrderLineStatus.Delivered);
        var events = await _portal.Scenario.WithDbAsync(db => db.TrackingEvents.AsNoTracking().Where(e => e.ShipmentId == shipment.Id).OrderBy(e => e.At).ToListAsync());
        events.Select(e => e.Stage).Should().Equal(TrackingStage.PickedUp, TrackingStage.Delivered);
        var delivered = await _portal.Scenario.WithDbAsync(db => db.OrderLineEvents.AsNoTracking().SingleAsync(e => e.To == OrderLineStatus.Delivered && db.OrderLines.Any(l => l.Id == e.OrderLineId && db.Orders.Any(o => o.Id == l.OrderId && o.Number == number))));
        delivered.At.Should().BeCloseTo(now.AddHours(30), TimeSpan.FromMilliseconds(1), "the line is delivered at the time the courier reports");
        var page = await seller.GetDocumentAsync($"/Seller/Orders/{number}");
        page.QuerySelectorAll(".tracking-timeline li").Should().HaveCount(3);
    }

    [Fact]
    public async Task The_sandbox_sends_the_next_event_and_the_label_pdf_is_a6_with_the_resi_and_the_cash_to_collect()
    {
        var (seller, number, order) = await CashOnDeliveryOrderAsync("Kebaya Encim");
        await seller.SubmitFormAsync($"/Seller/Orders/{number}", new Dictionary<string, string>(), "form[action*=Book]");
        using (var next = await seller.SubmitFormAsync($"/Seller/Orders/{number}", new Dictionary<string, string>(), "form[action*=NextTrackingEvent]"))
        {
            next.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        (await StatusAsync(number)).Should().Be(OrderLineStatus.Shipped);
        var detail = await seller.GetDocumentAsync($"/Seller/Orders/{number}");
        var cash = order.Total;
        detail.QuerySelector(".cash-to-collect")!.GetAttribute("data-amount").Should().Be(cash.Amount.ToString(CultureInfo.InvariantCulture));

        using var pdf = await seller.GetAsync($"/Seller/Orders/Labels?numbers={number}&numbers={number}");
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var text = Encoding.Latin1.GetString(await pdf.Content.ReadAsByteArrayAsync());
        text.Should().Contain("/MediaBox[0 0 297.638 419.528]", "A6 is 105 x 148 mm");
        System.Text.RegularExpressions.Regex.Count(text, "/Type/Page[^s]").Should().Be(1, "one page, the order asked for twice");
        var resi = await _portal.Scenario.WithDbAsync(db => db.Shipments.Where(s => s.OrderId == order.Id).Select(s => s.TrackingNumber).SingleAsync());
        text.Should().Contain(resi).And.Contain("COD - TAGIH " + cash);
        text.Should().MatchRegex(@"\d+(\.\d+)? \d+(\.\d+)? \d+(\.\d+)? \d+(\.\d+)? re", "the barcode's bars are drawn as rectangles");
    }

    [Fact]
    public async Task Registering_from_the_sign_in_page_goes_back_to_checkout_and_checkout_saves_and_fills_the_default_address()
    {
        var (sellerId, _) = await _portal.SellerAsync(SellerOrigin.Local);
        var listing = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, "Kopi Bubuk Wamena");
        var client = fixture.App.CreateBrowserClient();
        await client.AddToCartAsync(listing);
        var login = await client.GetDocumentAsync("/Account/Login?ReturnUrl=%2FCheckout");
        var register = login.QuerySelector("#register-link")!.GetAttribute("href")!;
        using var registered = await client.SubmitFormAsync(register, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Rina",
            ["Input.Email"] = $"rina-{Guid.NewGuid():N}@example.id",
            ["Input.Password"] = "kopi-wamena-enak-2026",
            ["Input.ConfirmPassword"] = "kopi-wamena-enak-2026",
        });

        registered.Headers.Location!.OriginalString.Should().Be("/Checkout");
        using var placed = await client.CheckOutAsync();
        placed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await client.AddToCartAsync(listing);
        var again = await client.GetDocumentAsync("/Checkout");
        again.QuerySelector("#Input_Street")!.TextContent.Trim().Should().Be(Shopping.Address()["Input.Street"]);
        again.QuerySelector("#Input_Province option[selected]")!.GetAttribute("value").Should().Be("DI Yogyakarta");
        again.QuerySelector($".courier-part[data-seller='{sellerId}'] input:checked").Should().NotBeNull("the default address's province is quoted at once");
    }

    private static string Rupiah(string amount) => new Marketplace.Domain.Rupiah(long.Parse(amount, CultureInfo.InvariantCulture)).ToString();

    private async Task<(HttpClient Seller, string Number, Order Order)> CashOnDeliveryOrderAsync(string title)
    {
        var (sellerId, seller) = await _portal.SellerAsync(SellerOrigin.Local);
        var listing = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Textile, title);
        var (_, shopper) = await _portal.ShopperAsync();
        await shopper.AddToCartAsync(listing);
        using var placed = await shopper.CheckOutAsync();
        var number = placed.Headers.Location!.OriginalString.Split('/')[^1];
        return (seller, number, await OrderAsync(number));
    }

    private Task<Order> OrderAsync(string number) =>
        _portal.Scenario.WithDbAsync(db => db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Number == number));

    private Task<OrderLineStatus> StatusAsync(string number) =>
        _portal.Scenario.WithDbAsync(db => db.OrderLines.Where(l => db.Orders.Any(o => o.Id == l.OrderId && o.Number == number)).Select(l => l.Status).SingleAsync());

    private async Task<HttpStatusCode> PostAsync(TrackingCallbackBody message, bool signed = true)
    {
        var (body, signature) = TrackingCallbacks.Sign(message, signed ? Secret : "not-the-secret");
        using var request = new HttpRequestMessage(HttpMethod.Post, ShippingServices.TrackingPath) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TrackingCallbacks.SignatureHeader, signature);
        using var response = await fixture.App.CreateClient().SendAsync(request);
        return response.StatusCode;
    }

    public sealed class Fixture : SellerPortalFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Marketplace.Web.Tests.Storefront;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Hardening;

/// <summary>A suspended shop can read its portal and its API but change nothing, and is told why.</summary>
public sealed class SuspendedShopTests(SuspendedShopTests.Fixture fixture) : IClassFixture<SuspendedShopTests.Fixture>
{
    private const string Reason = "Dokumen izin usaha kedaluwarsa";

    /// <summary>A digest of every row a seller's write could touch; of the tokens, which ones there are (using one stamps it).</summary>
    private const string Fingerprint = """
        SELECT concat_ws(',',
            (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM sellers x),
            (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM listings x),
            (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM listing_images x),
            (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM listing_imports x),
            (SELECT md5(string_agg(concat_ws(':', x.id, x.revoked_at), '|' ORDER BY x.id)) FROM seller_api_tokens x),
            (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM order_lines x)) AS "Value"
        """;

    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task Every_post_handler_of_the_seller_portal_sends_a_suspended_shop_back_with_the_reason_and_changes_nothing()
    {
        var client = await TestUsers.SignedInClientAsync(App, fixture.Email);
        var page = await client.GetDocumentAsync("/Seller");
        var token = ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        page.Text("#shop-read-only").Should().Contain("Toko Anda ditangguhkan dan hanya bisa dilihat").And.Contain(Reason);
        var before = await FingerprintAsync();
        var handlers = SellerPostHandlers();
        handlers.Should().Contain(h => h.Path.Contains("/Listings/Edit", StringComparison.Ordinal) && h.Handler == "Publish").And.Contain(h => h.Path == "/Seller/Tokens");

        foreach (var (path, handler) in handlers)
        {
            var url = path + (handler is null ? string.Empty : "?handler=" + handler);
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["id"] = "1",
                ["listingId"] = fixture.Listing.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Name"] = "Gudang",
                ["CanWrite"] = "true",
                ["price"] = "1000",
                ["stock"] = "3",
                ["Input.Title"] = "Judul baru",
                ["Input.StoreName"] = "Toko Ganti Nama",
            });
            using var response = await client.PostAsync(url, content);

            response.StatusCode.Should().Be(HttpStatusCode.Redirect, url);
            response.Headers.Location!.OriginalString.Should().Be(path, url);
        }

        (await FingerprintAsync()).Should().Be(before, "no handler of a suspended shop wrote anything");
    }

    [Fact]
    public async Task Every_write_route_of_the_seller_api_refuses_a_suspended_shop_with_problem_details_403_and_reads_still_work()
    {
        var client = App.CreateClient();
        var writes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Where(m => m != "GET").Select(m => (Method: m, Path: e.RoutePattern.RawText!)))
            .ToList();
        writes.Should().HaveCount(4);
        var before = await FingerprintAsync();

        foreach (var (method, pattern) in writes)
        {
            var path = pattern.Replace("{id:long}", fixture.Listing.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)["/api/v1/seller".Length..];
            using var request = SellerPortal.Api(new HttpMethod(method), path, fixture.Token, new { category = PolicyScenario.Textile, title = "Batik Baru", price = 100_000, stock = 3 });
            using var response = await client.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{method} {path}");
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("title").GetString().Should().Be("Toko Anda ditangguhkan dan hanya bisa dilihat: tidak ada yang bisa diubah.");
            problem.GetProperty("detail").GetString().Should().Be("Alasan: " + Reason);
        }

        using var read = await client.SendAsync(SellerPortal.Api(HttpMethod.Get, "/listings", fixture.Token));
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FingerprintAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_suspended_shop_still_reads_its_notices_and_marks_them_read()
    {
        var scenario = new PolicyScenario(App);
        await scenario.WithDbAsync(async db =>
        {
            var shop = await db.Sellers.SingleAsync(s => db.Users.Any(u => u.Id == s.UserId && u.Email == fixture.Email));
            db.SellerNotifications.Add(new SellerNotification(shop.Id, SellerNotificationKind.SellerSuspended, null, 0, "Toko Anda ditangguhkan. " + Reason, "Your shop is suspended. " + Reason, scenario.Now));
            return await db.SaveChangesAsync();
        });
        var client = await TestUsers.SignedInClientAsync(App, fixture.Email);

        (await client.GetDocumentAsync("/Seller/Notifications")).Text(".inbox-item .inbox-body").Should().Contain(Reason);
        using var read = await client.SubmitFormAsync("/Seller/Notifications", new Dictionary<string, string>(), "form.inbox-read-all");

        read.Headers.Location!.OriginalString.Should().Be("/Seller/Notifications");
        (await client.GetDocumentAsync("/Seller/Notifications")).QuerySelector("#inbox-unread").Should().BeNull();
    }

    private List<(string Path, string? Handler)> SellerPostHandlers()
    {
        var loader = App.Services.GetRequiredService<PageLoader>();
        return App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            // A suspended shop may still appeal its suspension (the enforcement lifecycle) and read its notices (the suspension is
            // one), so the appeals and notifications pages are not walked here.
            .Where(x => x.Page is { AreaName: "Seller" } && !x.Endpoint.RoutePattern.RawText!.EndsWith("/Index", StringComparison.Ordinal)
                && x.Endpoint.RoutePattern.RawText is not ("Seller/Appeals" or "Seller/Notifications"))
            .SelectMany(x => loader.LoadAsync(x.Page!, x.Endpoint.Metadata).GetAwaiter().GetResult().HandlerMethods
                .Where(m => m.HttpMethod == "Post")
                .Select(m => ("/" + System.Text.RegularExpressions.Regex.Replace(
                    x.Endpoint.RoutePattern.RawText!,
                    @"\{[^}]+\}",
                    p => p.Value.Contains("length(18)", StringComparison.Ordinal) ? "PU-000000000000001" : fixture.Listing.ToString(System.Globalization.CultureInfo.InvariantCulture)), m.Name)))
            .Distinct()
            .ToList();
    }

    private Task<string> FingerprintAsync() => new PolicyScenario(App).WithDbAsync(db => db.Database.SqlQueryRaw<string>(Fingerprint).SingleAsync());

    public sealed class Fixture : SellerPortalFixture
    {
        public string Email { get; private set; } = string.Empty;

        public string Token { get; private set; } = string.Empty;

        public long Listing { get; private set; }

        protected override async Task SeedAsync(MarketplaceApp app)
        {
            var scenario = new PolicyScenario(app);
            var (sellerId, email) = await scenario.CreateSellerWithLoginAsync(SellerOrigin.Local);
            Email = email;
            Listing = await scenario.CreatePublishedAsync(sellerId, PolicyScenario.Textile, "Batik Cap Kawung");
            await new SellerPortal(app).OrderAsync((Listing, 1));
            Token = await SellerPortal.CreateTokenAsync(await TestUsers.SignedInClientAsync(app, email));
            await scenario.WithDbAsync(async db =>
            {
                (await db.Sellers.SingleAsync(s => s.Id == sellerId)).Suspend(Reason, scenario.Now);
                return await db.SaveChangesAsync();
            });
        }
    }
}

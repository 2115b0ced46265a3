using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Sellers;

public sealed class SellerApiTests(SellerApiTests.Fixture fixture) : IClassFixture<SellerApiTests.Fixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    private static object Listing(string category, string title, long price = 2_500_000, bool publish = true, string sku = "") => new
    {
        sku = sku.Length > 0 ? sku : "API-" + Guid.NewGuid().ToString("N")[..8],
        category,
        title,
        description = "Dikirim dari gudang.",
        price,
        stock = 10,
        weightGrams = 800,
        publish,
        images = new[] { Convert.ToBase64String(TestImages.Png()) },
    };

    [Fact]
    public async Task A_token_created_in_the_portal_creates_and_publishes_listings_through_the_policy_and_reads_them_back()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var token = await SellerPortal.CreateTokenAsync(client);
        var api = fixture.App.CreateClient();

        using var phone = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings", token, Listing(PolicyScenario.Smartphones, "Smartphone Android 5G")));
        using var batik = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings", token, Listing(PolicyScenario.Textile, "Kain Batik Cap Impor", 300_000)));

        phone.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await phone.Content.ReadFromJsonAsync<JsonElement>();
        phone.Headers.Location!.OriginalString.Should().Be($"/api/v1/seller/listings/{created.GetProperty("id").GetInt64()}");
        created.GetProperty("state").GetString().Should().Be("Published");
        created.GetProperty("origin").GetString().Should().Be("imported");
        var refused = await batik.Content.ReadFromJsonAsync<JsonElement>();
        refused.GetProperty("state").GetString().Should().Be("Rejected");
        refused.GetProperty("decision").GetProperty("reasonId").GetString().Should().Contain("Tekstil & Fesyen");
        refused.GetProperty("decision").GetProperty("reasonEn").GetString().Should().Contain("closed to cross-border sales");
        (await _portal.Scenario.DecisionsAsync(refused.GetProperty("id").GetInt64())).Single().Trigger.Should().Be(Marketplace.Domain.Policy.DecisionTrigger.SellerApi);

        using var list = await api.SendAsync(SellerPortal.Api(HttpMethod.Get, "/listings?state=published", token));
        var page = await list.Content.ReadFromJsonAsync<JsonElement>();
        page.GetProperty("total").GetInt32().Should().Be(1);
        page.GetProperty("items")[0].GetProperty("title").GetString().Should().Be("Smartphone Android 5G");
        (await _portal.ListingCountAsync(sellerId)).Should().Be(2);
    }

    [Fact]
    public async Task A_draft_is_updated_published_and_archived_through_the_api()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var token = await SellerPortal.CreateTokenAsync(client);
        var api = fixture.App.CreateClient();
        using var created = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings", token, Listing(PolicyScenario.Coffee, "Kopi Bubuk Kintamani", 90_000, publish: false)));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var updated = await api.SendAsync(SellerPortal.Api(
            HttpMethod.Put, $"/listings/{id}", token, Listing(PolicyScenario.Coffee, "Kopi Bubuk Kintamani 500 g", 150_000, publish: false), created.Headers.ETag!.ToString()));
        using var published = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, $"/listings/{id}/publish", token));
        using var archived = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, $"/listings/{id}/archive", token));

        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().Should().Be("Draft");
        (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().Should().Be("Published");
        (await archived.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().Should().Be("Archived");
        var listing = (await _portal.ListingAsync(id))!;
        (listing.Title, listing.Price.Amount, listing.State).Should().Be(("Kopi Bubuk Kintamani 500 g", 150_000, ListingState.Archived));
    }

    [Fact]
    public async Task Invalid_fields_answer_400_as_a_validation_problem_with_the_same_reasons_as_the_form()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var token = await SellerPortal.CreateTokenAsync(client);

        using var response = await fixture.App.CreateClient().SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings", token, new { sku = "A B", category = "fesyen-tekstil", title = "Kain", price = 0, stock = 5 }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo("sku", "category", "price");
        errors.GetProperty("price")[0].GetString().Should().Contain("di atas Rp 0");
        (await _portal.ListingCountAsync(sellerId)).Should().Be(0);
    }

    [Fact]
    public async Task Missing_unknown_and_revoked_tokens_get_401_as_problem_details()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var token = await SellerPortal.CreateTokenAsync(client);
        var api = fixture.App.CreateClient();
        (await api.SendAsync(SellerPortal.Api(HttpMethod.Get, "/listings", token))).StatusCode.Should().Be(HttpStatusCode.OK);

        var tokenId = (await client.GetDocumentAsync("/Seller/Tokens")).QuerySelector("#tokens tbody tr")!.GetAttribute("data-token")!;
        using var revoked = await client.SubmitFormAsync("/Seller/Tokens", new Dictionary<string, string>(), $"form[action*='handler=Revoke'][action*='id={tokenId}']");
        revoked.StatusCode.Should().Be(HttpStatusCode.Redirect);

        foreach (var attempt in new[] { null, "mpst_not-a-real-token-at-all-0000000000000000", token })
        {
            using var response = await api.SendAsync(SellerPortal.Api(HttpMethod.Get, "/listings", attempt));
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "token {0}", attempt ?? "(none)");
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            response.Headers.WwwAuthenticate.ToString().Should().Contain("Bearer");
        }

        using var cookieOnly = await client.GetAsync("/api/v1/seller/listings");
        cookieOnly.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the portal's cookie is not an API credential");
    }

    [Fact]
    public async Task A_read_only_token_reads_but_gets_403_on_every_change()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var listing = await _portal.Scenario.CreateDraftAsync(sellerId, PolicyScenario.Rattan, "Tas Rotan Bulat");
        var token = await SellerPortal.CreateTokenAsync(client, canWrite: false);
        var api = fixture.App.CreateClient();

        (await api.SendAsync(SellerPortal.Api(HttpMethod.Get, $"/listings/{listing}", token))).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var request in new[]
        {
            SellerPortal.Api(HttpMethod.Post, "/listings", token, Listing(PolicyScenario.Rattan, "Tas Rotan Baru")),
            SellerPortal.Api(HttpMethod.Put, $"/listings/{listing}", token, Listing(PolicyScenario.Rattan, "Tas Rotan Ganti")),
            SellerPortal.Api(HttpMethod.Post, $"/listings/{listing}/publish", token),
            SellerPortal.Api(HttpMethod.Post, $"/listings/{listing}/archive", token),
        })
        {
            using var response = await api.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        var unchanged = (await _portal.ListingAsync(listing))!;
        (unchanged.Title, unchanged.State).Should().Be(("Tas Rotan Bulat", ListingState.Draft));
        (await _portal.ListingCountAsync(sellerId)).Should().Be(1);
    }

    [Fact]
    public async Task Requests_past_the_per_minute_limit_of_a_token_get_429_with_retry_after_and_other_tokens_are_not_affected()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var busy = await SellerPortal.CreateTokenAsync(client);
        var quiet = await SellerPortal.CreateTokenAsync(client);
        var api = fixture.App.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Fixture.Limit + 1; i++)
        {
            using var response = await api.SendAsync(SellerPortal.Api(HttpMethod.Get, "/orders", busy));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            }
        }

        statuses.Should().Equal([.. Enumerable.Repeat(HttpStatusCode.OK, Fixture.Limit), HttpStatusCode.TooManyRequests]);
        (await api.SendAsync(SellerPortal.Api(HttpMethod.Get, "/orders", quiet))).StatusCode.Should().Be(HttpStatusCode.OK);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        (await api.SendAsync(SellerPortal.Api(HttpMethod.Get, "/orders", busy))).StatusCode.Should().Be(HttpStatusCode.OK, "a new minute starts a new window");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_seller_api()
    {
        var document = await fixture.App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/v1/seller/listings", "/api/v1/seller/listings/{id}", "/api/v1/seller/listings/{id}/publish", "/api/v1/seller/listings/{id}/archive", "/api/v1/seller/orders"]);
        paths.Should().NotContain(p => p.StartsWith("/images", StringComparison.Ordinal));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("sellerToken");
        (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()).Should().Be(("http", "bearer"));
        document.GetProperty("security")[0].TryGetProperty("sellerToken", out _).Should().BeTrue();
    }

    public sealed class Fixture : SellerPortalFixture
    {
        public const int Limit = 4;

        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 3, 0, 5, TimeSpan.Zero));

        protected override TimeProvider? OwnClock => Clock;

        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["SellerApi:RequestsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}

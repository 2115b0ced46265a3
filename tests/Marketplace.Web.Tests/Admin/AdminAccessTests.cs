using System.Net;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Admin;

/// <summary>Only admins enter the admin console: every page and handler, found by enumerating the area, refuses everyone else.</summary>
public sealed class AdminAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task The_admin_area_has_the_console_s_pages_and_their_handlers()
    {
        var handlers = await AdminPages.EnumerateAsync(App);

        handlers.Select(h => h.Url.Split('?')[0]).Distinct().Should().Contain(
            ["/Admin/Index", "/Admin/Clusters/Index", "/Admin/Clusters/Change", "/Admin/Categories/Index", "/Admin/Categories/Edit", "/Admin/Rules/Index",
             "/Admin/Rules/Lexicon", "/Admin/Review/Index", "/Admin/Sellers/Index", "/Admin/Sellers/Detail", "/Admin/Verification/Index", "/Admin/Verification/Detail", "/Admin/Audit/Index", "/Admin/ProductReviews/Index"]);
        handlers.Should().Contain(h => h.HttpMethod == "POST" && h.Url.Contains("handler=Confirm", StringComparison.Ordinal));
        handlers.Should().Contain(h => h.HttpMethod == "GET" && h.Url.Contains("handler=Export", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Roles.Shopper)]
    [InlineData(Roles.Seller)]
    public async Task Every_admin_page_and_handler_answers_403_to_a_signed_in_user_without_the_admin_role(string role)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..8]}@example.id";
        await TestUsers.CreateAsync(App, email, role);
        var client = await TestUsers.SignedInClientAsync(App, email);
        var decisionsBefore = await CountDecisionsAsync();

        var answers = new List<string>();
        foreach (var handler in await AdminPages.EnumerateAsync(App))
        {
            using var response = await AdminPages.SendAsync(client, handler);
            answers.Add($"{handler} -> {(int)response.StatusCode}");
        }

        answers.Should().NotBeEmpty().And.OnlyContain(a => a.EndsWith("-> 403", StringComparison.Ordinal));
        (await CountDecisionsAsync()).Should().Be(decisionsBefore);
    }

    [Fact]
    public async Task Every_admin_page_and_handler_sends_an_anonymous_visitor_to_log_in()
    {
        var client = App.CreateBrowserClient();

        foreach (var handler in await AdminPages.EnumerateAsync(App))
        {
            using var response = await AdminPages.SendAsync(client, handler);

            response.StatusCode.Should().Be(HttpStatusCode.Redirect, handler.ToString());
            response.Headers.Location!.AbsolutePath.Should().Be("/Account/Login", handler.ToString());
        }
    }

    [Fact]
    public async Task An_admin_reaches_every_page_of_the_console()
    {
        var scenario = new PolicyScenario(App);
        var seller = await scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        await scenario.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone 5G Lipat", Domain.Listings.ProductOrigin.Imported);
        var category = await scenario.CategoryIdAsync(PolicyScenario.PhoneCases);
        var cluster = await scenario.ClusterIdAsync("TEXTILE");
        var evidence = await scenario.WithDbAsync(async db =>
        {
            (await db.Sellers.SingleAsync(s => s.Id == seller)).RequestLocalVerification();
            var sent = new OriginEvidence(seller, "9120001234567", null, "Jl. Uji No. 2", "Bandung", "Jawa Barat", "40111", scenario.Now);
            db.OriginEvidence.Add(sent);
            await db.SaveChangesAsync();
            return sent.Id;
        });
        var client = await AdminPages.AdminClientAsync(App);
        string[] pages =
        [
            "/Admin/Index", "/Admin/Clusters/Index", $"/Admin/Clusters/Change?id={cluster}", "/Admin/Categories/Index", $"/Admin/Categories/Edit?id={category}",
            "/Admin/Rules/Index", $"/Admin/Rules/Lexicon?clusterId={cluster}", "/Admin/Review/Index", "/Admin/Sellers/Index", $"/Admin/Sellers/Detail?id={seller}",
            "/Admin/Verification/Index", $"/Admin/Verification/Detail?id={evidence}", "/Admin/Audit/Index", "/Admin/Audit/Index?tab=Actions", "/Admin/Audit/Index?handler=Export",
            "/Admin/ProductReviews/Index", "/Admin/ProductReviews/Index?HiddenOnly=true", "/Admin/Appeals/Index", "/Admin/Closures/Index",
            "/Admin/Takedowns/Index", "/Admin/Compliance/Index", "/Admin/Compliance/Index?From=2026-01-01&To=2026-01-31", "/Admin/Compliance/Index?handler=Export",
            "/Admin/Complaints/Index", "/Admin/Reconciliation/Index", "/Admin/Reconciliation/Index?From=2026-01-01&To=2026-01-31&handler=Csv",
        ];

        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page);
            response.StatusCode.Should().Be(HttpStatusCode.OK, page);
        }

        // An appeal's and a takedown request's detail need one; Enforcement.AppealTests and TakedownTests open them with one.
        (await AdminPages.EnumerateAsync(App)).Where(h => h.HttpMethod == "GET").Select(h => h.Url.Split('?')[0])
            .Where(p => p is not ("/Admin/Appeals/Detail" or "/Admin/Takedowns/Detail"))
            .Should().BeSubsetOf(pages.Select(p => p.Split('?')[0]), "every admin page is opened above");
    }

    [Fact]
    public async Task The_console_speaks_english_when_the_admin_chose_it()
    {
        var client = await AdminPages.AdminClientAsync(App);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        var page = await client.GetDocumentAsync("/Admin/Clusters");

        page.QuerySelector("h1")!.TextContent.Should().Be("Clusters");
        page.QuerySelector("tr[data-cluster=TEXTILE]")!.TextContent.Should().Contain("Closed since").And.Contain("WIB");
        page.QuerySelector("tr[data-cluster=TOYS]")!.TextContent.Should().Contain("Open");
    }

    private Task<int> CountDecisionsAsync() => new PolicyScenario(App).WithDbAsync(db => db.PolicyDecisions.CountAsync());
}

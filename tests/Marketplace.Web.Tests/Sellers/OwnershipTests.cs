using System.Net;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>Seller A aims at seller B's ids on every route: each answer is 404, and nothing of B's changes.</summary>
public sealed class OwnershipTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task Another_sellers_listings_images_imports_orders_and_tokens_are_404_on_every_route_and_stay_unchanged()
    {
        var (_, a) = await _portal.SellerAsync(SellerOrigin.Local);
        var (bId, b) = await _portal.SellerAsync(SellerOrigin.Local);
        var aToken = await SellerPortal.CreateTokenAsync(a);
        await SellerPortal.CreateTokenAsync(b);
        var bToken = await _portal.Scenario.WithDbAsync(db => db.SellerApiTokens.Where(t => t.SellerId == bId).Select(t => t.Id).SingleAsync());

        using var withImage = await SellerPortal.PostMultipartAsync(
            b, "/Seller/Listings/Edit", "/Seller/Listings/Edit?handler=Save", SellerPortal.ListingFields(PolicyScenario.Rattan, "Tas Rotan Milik B"),
            [("Uploads", "b.png", TestImages.Png(), "image/png")]);
        var draft = long.Parse(withImage.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var image = (await _portal.ListingAsync(draft))!.Images.Single().StoredName;
        var live = await _portal.Scenario.CreatePublishedAsync(bId, PolicyScenario.Coffee, "Kopi Milik B");
        var import = await CsvUploads.FinishedAsync(_portal, b, await CsvUploads.UploadAsync(b, CsvUploads.File("B-1,batik-tulis,Kain B,,100000,1,,local", ",,,,,,,")));
        var line = (await _portal.OrderAsync((live, 1))).Lines.Single().Id;
        var before = await SnapshotAsync(bId);

        var reads = new[]
        {
            $"/Seller/Listings/Edit/{draft}",
            $"/Seller/Listings/Edit/{live}",
            $"/Seller/Uploads/Details/{import.Id}",
            $"/Seller/Uploads/Details/{import.Id}?handler=Problems",
            $"/images/{image}",
        };
        foreach (var url in reads)
        {
            using var response = await a.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, "GET {0}", url);
        }

        var listingFields = SellerPortal.ListingFields(PolicyScenario.Coffee, "Diambil Alih", price: "1000");
        var writes = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/Seller/Listings/Edit/{live}?handler=Save", listingFields),
            ($"/Seller/Listings/Edit/{draft}?handler=Publish", listingFields),
            ($"/Seller/Listings/Edit/{live}?handler=Archive", []),
            ($"/Seller/Listings/Edit/{live}?handler=Restore", []),
            ($"/Seller/Listings/Edit/{draft}?handler=RemoveImage", new() { ["name"] = image }),
            ($"/Seller/Listings?handler=Quick&id={live}", new() { ["price"] = "1000", ["stock"] = "0" }),
            ("/Seller/Orders", new() { ["lineId"] = line.ToString(System.Globalization.CultureInfo.InvariantCulture), ["move"] = "Cancel" }),
            ($"/Seller/Tokens?handler=Revoke&id={bToken}", []),
        };
        foreach (var (url, fields) in writes)
        {
            using var response = await SellerPortal.PostWithTokenAsync(a, "/Seller/Listings/Edit", url, fields);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, "POST {0}", url);
        }

        var api = fixture.App.CreateClient();
        var calls = new[]
        {
            SellerPortal.Api(HttpMethod.Get, $"/listings/{live}", aToken),
            SellerPortal.Api(HttpMethod.Put, $"/listings/{live}", aToken, new { category = PolicyScenario.Coffee, title = "Diambil Alih", price = 1000, stock = 0 }),
            SellerPortal.Api(HttpMethod.Post, $"/listings/{draft}/publish", aToken),
            SellerPortal.Api(HttpMethod.Post, $"/listings/{live}/archive", aToken),
        };
        foreach (var call in calls)
        {
            var what = $"{call.Method} {call.RequestUri}";
            using var response = await api.SendAsync(call);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, what);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        var aLists = await (await api.SendAsync(SellerPortal.Api(HttpMethod.Get, "/listings", aToken))).Content.ReadAsStringAsync();
        var aOrders = await (await api.SendAsync(SellerPortal.Api(HttpMethod.Get, "/orders", aToken))).Content.ReadAsStringAsync();
        aLists.Should().NotContain("Milik B");
        aOrders.Should().Be("[]");
        (await a.GetStringAsync("/Seller/Listings")).Should().NotContain("Milik B");
        (await a.GetStringAsync("/Seller/Orders")).Should().NotContain("Kopi Milik B");
        (await SnapshotAsync(bId)).Should().BeEquivalentTo(before);
        b.Dispose();
    }

    private Task<object> SnapshotAsync(int sellerId) =>
        _portal.Scenario.WithDbAsync<object>(async db => new
        {
            Listings = await db.Listings.AsNoTracking().Where(l => l.SellerId == sellerId).OrderBy(l => l.Id)
                .Select(l => new { l.Id, l.Title, l.Price, l.Stock, l.State, l.RowVersion, Images = l.Images.Count }).ToListAsync(),
            Lines = await db.OrderLines.AsNoTracking().Where(l => l.SellerId == sellerId).Select(l => new { l.Id, l.Status, l.Version }).ToListAsync(),
            Tokens = await db.SellerApiTokens.AsNoTracking().Where(t => t.SellerId == sellerId).Select(t => new { t.Id, t.RevokedAt }).ToListAsync(),
            Decisions = await db.PolicyDecisions.CountAsync(d => d.SellerId == sellerId),
        });
}

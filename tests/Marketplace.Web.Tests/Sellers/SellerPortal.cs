using System.Net;
using AngleSharp.Html.Dom;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>Drives the seller portal the way a seller's browser does, and reads back what it stored.</summary>
public sealed class SellerPortal(MarketplaceApp app)
{
    public PolicyScenario Scenario { get; } = new(app);

    /// <summary>A seller with a shop (made directly) and a signed-in browser.</summary>
    public async Task<(int SellerId, HttpClient Client)> SellerAsync(SellerOrigin origin, string country = "")
    {
        var (sellerId, email) = await Scenario.CreateSellerWithLoginAsync(origin, country);
        return (sellerId, await TestUsers.SignedInClientAsync(app, email));
    }

    public static Dictionary<string, string> ListingFields(string category, string title, string price = "250.000", string sku = "", string description = "Produk buatan tangan.") => new()
    {
        ["Input.Sku"] = sku.Length > 0 ? sku : "SKU-" + Guid.NewGuid().ToString("N")[..10],
        ["Input.Category"] = category,
        ["Input.Title"] = title,
        ["Input.Description"] = description,
        ["Input.Price"] = price,
        ["Input.Stock"] = "12",
        ["Input.TkdnPercent"] = string.Empty,
        ["Input.WeightGrams"] = "500",
    };

    /// <summary>
    /// Posts the listing form to a handler (Save or Publish) and returns the response. A new listing is sent with one
    /// photo, as a seller's would be (a listing is published only with a photo), unless the test says otherwise.
    /// </summary>
    public static Task<HttpResponseMessage> PostListingAsync(HttpClient client, string handler, IReadOnlyDictionary<string, string> fields, long? id = null, bool withPhoto = true) =>
        id is null && withPhoto
            ? client.SubmitFormWithFilesAsync($"/Seller/Listings/Edit?handler={handler}", fields, [Photo])
            : client.SubmitFormAsync($"/Seller/Listings/Edit{(id is null ? string.Empty : "/" + id)}?handler={handler}", fields);

    /// <summary>The photo test listings are given: a small real PNG, as the listing form's file input sends it.</summary>
    public static (string Field, string FileName, byte[] Content, string ContentType) Photo => ("Uploads", "foto-produk.png", TestImages.Png(), "image/png");

    /// <summary>Creates a listing through the form and returns its id, read from the redirect.</summary>
    public static async Task<long> CreateAsync(HttpClient client, string handler, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await PostListingAsync(client, handler, fields);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return long.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Submits a multipart form (files included) the way a browser does, with the antiforgery token of the GET page.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(
        HttpClient client, string pageUrl, string postUrl, IReadOnlyDictionary<string, string> fields, IEnumerable<(string Field, string FileName, byte[] Content, string ContentType)> files)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var token = page.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]") as IHtmlInputElement
            ?? throw new InvalidOperationException("No antiforgery token on " + pageUrl);
        using var content = FormPost.Multipart([new("__RequestVerificationToken", token.Value), .. fields], files);
        return await client.PostAsync(postUrl, content);
    }

    /// <summary>Posts fields to any URL with a valid antiforgery token of this session, read from <paramref name="tokenPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string tokenPage, string postUrl, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync(tokenPage);
        var token = page.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]") as IHtmlInputElement
            ?? throw new InvalidOperationException("No antiforgery token on " + tokenPage);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token.Value };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(postUrl, content);
    }

    /// <summary>Creates a token in the portal and returns the secret the page shows once.</summary>
    public static async Task<string> CreateTokenAsync(HttpClient client, bool canWrite = true)
    {
        using var response = await client.SubmitFormAsync("/Seller/Tokens", new Dictionary<string, string> { ["Name"] = "Gudang " + Guid.NewGuid().ToString("N")[..4], ["CanWrite"] = canWrite ? "true" : "false" });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await FormPost.ParseAsync(response)).QuerySelector("#new-token")!.TextContent.Trim();
    }

    public static HttpRequestMessage Api(HttpMethod method, string path, string? token, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, "/api/v1/seller" + path);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body);
        }

        return request;
    }

    /// <summary>An order placed by a new shopper with one line per listing, made through the domain as checkout would.</summary>
    public async Task<Marketplace.Domain.Orders.Order> OrderAsync(params (long ListingId, int Quantity)[] lines)
    {
        var shopper = await TestUsers.CreateAsync(app, $"pembeli-{Guid.NewGuid():N}@example.id", Roles.Shopper);
        return await OrderForAsync(shopper.Id, lines);
    }

    /// <summary>A cash-on-delivery order of the given shopper with one line per listing, made through the domain as checkout would.</summary>
    public Task<Marketplace.Domain.Orders.Order> OrderForAsync(string shopperUserId, params (long ListingId, int Quantity)[] lines) =>
        Scenario.WithDbAsync(async db =>
        {
            var order = new Marketplace.Domain.Orders.Order(
                Marketplace.Domain.Orders.OrderNumber.Create(
                    DateTimeOffset.UtcNow,
                    System.Security.Cryptography.RandomNumberGenerator.GetString(Marketplace.Domain.Orders.OrderNumber.Alphabet, Marketplace.Domain.Orders.OrderNumber.SuffixLength)),
                shopperUserId,
                Marketplace.Domain.Orders.ShippingAddress.Create("Siti Rahayu", "081234567890", "Jl. Malioboro 12", "Yogyakarta", "DI Yogyakarta", "55271"),
                Marketplace.Domain.Orders.PaymentMethod.CashOnDelivery,
                new Marketplace.Domain.Rupiah(15_000),
                DateTimeOffset.UtcNow);
            foreach (var (listingId, quantity) in lines)
            {
                var listing = await db.Listings.SingleAsync(l => l.Id == listingId);
                order.AddLine(listing.Id, listing.SellerId, listing.Title, listing.Price, quantity);
            }

            db.Orders.Add(order);
            await db.SaveChangesAsync();
            return order;
        });

    public Task<Listing?> ListingAsync(long id) =>
        Scenario.WithDbAsync(db => db.Listings.AsNoTracking().Include(l => l.Images).SingleOrDefaultAsync(l => l.Id == id));

    public Task<int> ListingCountAsync(int sellerId) => Scenario.WithDbAsync(db => db.Listings.CountAsync(l => l.SellerId == sellerId));

    public Task<Seller> ShopAsync(int sellerId) => Scenario.WithDbAsync(db => db.Sellers.AsNoTracking().SingleAsync(s => s.Id == sellerId));

    /// <summary>A signed-in shopper without a shop.</summary>
    public async Task<(string Email, HttpClient Client)> ShopperAsync()
    {
        var email = $"pembeli-{Guid.NewGuid():N}@example.id";
        await TestUsers.CreateAsync(app, email, Roles.Shopper);
        return (email, await TestUsers.SignedInClientAsync(app, email));
    }
}

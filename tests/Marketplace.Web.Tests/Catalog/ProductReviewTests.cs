using System.Globalization;
using System.Net;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Admin;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Catalog;

public sealed class ProductReviewTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task A_buyer_reviews_a_line_only_after_delivery_and_only_once()
    {
        var listing = await ListingAsync("Kopi Bubuk Flores Bajawa");
        var (shopper, line, number) = await BoughtAsync(listing);

        (await shopper.GetDocumentAsync($"/Orders/Review/{line}")).Text(".alert-info").Should().Be("Ulasan bisa ditulis setelah pesanan diterima.");
        using (var early = await PostReviewAsync(shopper, listing, line, 4, "Belum sampai"))
        {
            early.StatusCode.Should().Be(HttpStatusCode.OK);
            (await FormPost.ParseAsync(early)).Text(".alert-danger").Should().Contain("setelah pesanan diterima");
        }

        (await ReviewCountAsync(listing)).Should().Be(0);
        await DeliverAsync(line);
        (await shopper.GetDocumentAsync($"/Orders/{number}")).QuerySelector($"a.write-review[href='/Orders/Review/{line}']").Should().NotBeNull();

        using (var saved = await PostReviewAsync(shopper, listing, line, 4, "Kopinya harum, kirimnya cepat.", TestImages.Png()))
        {
            saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
            saved.Headers.Location!.OriginalString.Should().Be($"/Orders/{number}");
        }

        var order = await shopper.GetDocumentAsync($"/Orders/{number}");
        order.Text("#flash").Should().Be("Terima kasih, ulasan Anda sudah tayang.");
        order.Text(".reviewed").Should().Be("Sudah diulas");
        var page = await fixture.App.CreateBrowserClient().GetDocumentAsync($"/p/{listing}");
        page.Text(".review-summary").Should().Be("★ 4,0 dari 5 · 1 ulasan");
        page.Text(".review-text").Should().Be("Kopinya harum, kirimnya cepat.");
        page.Text(".reviewer").Should().Be("S***i", "the buyer is named by the masked first name of the recipient, Siti");
        var photo = page.QuerySelector(".review-photo")!.GetAttribute("src")!;
        using (var served = await fixture.App.CreateBrowserClient().GetAsync(photo))
        {
            served.StatusCode.Should().Be(HttpStatusCode.OK);
            served.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        }

        using (var again = await PostReviewAsync(shopper, listing, line, 1, "Sekali lagi"))
        {
            again.StatusCode.Should().Be(HttpStatusCode.OK);
            (await FormPost.ParseAsync(again)).Text(".alert-danger").Should().Contain("sudah mengulas");
        }

        (await ReviewCountAsync(listing)).Should().Be(1, "one review per order line");
        (await RatingAsync(listing)).Should().Be((1, 4));
    }

    [Fact]
    public async Task Another_shopper_can_neither_open_nor_post_a_review_of_someone_elses_line()
    {
        var listing = await ListingAsync("Kopi Bubuk Kerinci");
        var (_, line, _) = await BoughtAsync(listing);
        await DeliverAsync(line);
        var (_, stranger) = await _portal.ShopperAsync();

        using (var opened = await stranger.GetAsync($"/Orders/Review/{line}"))
        {
            opened.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        using (var posted = await PostReviewAsync(stranger, listing, line, 1, "Bukan pesanan saya"))
        {
            posted.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await ReviewCountAsync(listing)).Should().Be(0);
    }

    [Fact]
    public async Task Ratings_outside_one_to_five_and_overlong_text_are_refused_with_a_message()
    {
        var listing = await ListingAsync("Kopi Bubuk Lintong");
        var (shopper, line, _) = await BoughtAsync(listing);
        await DeliverAsync(line);

        using (var zero = await PostReviewAsync(shopper, listing, line, 0, "Tanpa bintang"))
        {
            (await FormPost.ParseAsync(zero)).Text(".alert-danger").Should().Contain("Pilih 1 sampai 5 bintang.");
        }

        using (var tooLong = await PostReviewAsync(shopper, listing, line, 5, new string('a', 1_001)))
        {
            (await FormPost.ParseAsync(tooLong)).Text(".alert-danger").Should().Contain("paling banyak 1000 karakter");
        }

        (await ReviewCountAsync(listing)).Should().Be(0);
    }

    [Fact]
    public async Task An_admin_hides_a_review_which_leaves_the_average_and_is_audited_and_shows_it_again()
    {
        var listing = await ListingAsync("Kopi Bubuk Wamena");
        foreach (var stars in new[] { 5, 1 })
        {
            var (shopper, line, _) = await BoughtAsync(listing);
            await DeliverAsync(line);
            using var saved = await PostReviewAsync(shopper, listing, line, stars, stars == 1 ? "Hubungi saya di wa.me/0812 untuk harga murah" : "Mantap");
            saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        (await RatingAsync(listing)).Should().Be((2, 6));
        var admin = await AdminPages.AdminClientAsync(fixture.App);
        var reviews = await admin.GetDocumentAsync("/Admin/ProductReviews");
        var spam = reviews.QuerySelectorAll("[data-review]").Single(r => r.TextContent.Contains("wa.me", StringComparison.Ordinal));

        var hidden = await admin.FollowAsync(await admin.SubmitAsync(reviews, $"[data-review='{spam.GetAttribute("data-review")}'] form", submitter: $"[data-review='{spam.GetAttribute("data-review")}'] button"));

        hidden.Text("#result").Should().Be("Ulasan disembunyikan.");
        (await RatingAsync(listing)).Should().Be((1, 5));
        var page = await fixture.App.CreateBrowserClient().GetDocumentAsync($"/p/{listing}");
        page.Text(".review-summary").Should().Be("★ 5,0 dari 5 · 1 ulasan");
        page.QuerySelectorAll(".review-text").Select(r => r.TextContent).Should().Equal("Mantap");
        var audit = await _portal.Scenario.WithDbAsync(db => db.AdminActions.AsNoTracking().Where(a => a.ListingId == listing).ToListAsync());
        audit.Should().ContainSingle().Which.Kind.Should().Be(AdminActionKind.ReviewHidden);

        var listed = await admin.GetDocumentAsync("/Admin/ProductReviews?HiddenOnly=true");
        var row = $"[data-review='{spam.GetAttribute("data-review")}']";
        listed.QuerySelector(row)!.GetAttribute("data-hidden").Should().Be("true");
        (await admin.FollowAsync(await admin.SubmitAsync(listed, $"{row} form", submitter: $"{row} button"))).Text("#result").Should().Be("Ulasan ditampilkan lagi.");
        (await RatingAsync(listing)).Should().Be((2, 6));
    }

    private async Task<long> ListingAsync(string title)
    {
        var (sellerId, _) = await _portal.SellerAsync(SellerOrigin.Local);
        return await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Coffee, title);
    }

    /// <summary>A new shopper buys the listing cash on delivery through the site.</summary>
    private async Task<(HttpClient Shopper, long Line, string Number)> BoughtAsync(long listing)
    {
        var (_, shopper) = await _portal.ShopperAsync();
        await shopper.AddToCartAsync(listing);
        using var placed = await shopper.CheckOutAsync();
        placed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var number = placed.Headers.Location!.OriginalString.Split('/')[^1];
        var line = await _portal.Scenario.WithDbAsync(db => db.Orders.Where(o => o.Number == number).SelectMany(o => o.Lines).Select(l => l.Id).SingleAsync());
        return (shopper, line, number);
    }

    /// <summary>The seller packs and ships the line and the courier delivers it, through the domain's own transitions.</summary>
    private Task<int> DeliverAsync(long line) => _portal.Scenario.WithDbAsync(async db =>
    {
        var orderLine = await db.OrderLines.SingleAsync(l => l.Id == line);
        db.OrderLineEvents.Add(orderLine.Pack("seller@example.id", DateTimeOffset.UtcNow));
        db.OrderLineEvents.Add(orderLine.Ship("JNE", "JNE-12345678", "seller@example.id", DateTimeOffset.UtcNow));
        db.OrderLineEvents.Add(orderLine.Deliver("courier", DateTimeOffset.UtcNow));
        return await db.SaveChangesAsync();
    });

    private static Task<HttpResponseMessage> PostReviewAsync(HttpClient client, long listing, long line, int rating, string text, byte[]? photo = null) =>
        SellerPortal.PostMultipartAsync(
            client,
            $"/p/{listing}",
            $"/Orders/Review/{line}",
            new Dictionary<string, string> { ["Rating"] = rating.ToString(CultureInfo.InvariantCulture), ["Text"] = text },
            photo is null ? [] : [("Photo", "ulasan.png", photo, "image/png")]);

    private Task<int> ReviewCountAsync(long listing) => _portal.Scenario.WithDbAsync(db => db.ProductReviews.CountAsync(r => r.ListingId == listing));

    private Task<(int Count, int Sum)> RatingAsync(long listing) =>
        _portal.Scenario.WithDbAsync(async db => await db.Listings.Where(l => l.Id == listing).Select(l => new ValueTuple<int, int>(l.RatingCount, l.RatingSum)).SingleAsync());
}

using System.Net;
using System.Text;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;

namespace Marketplace.Web.Tests.Sellers;

public sealed class ListingImageTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private const string NewListing = "/Seller/Listings/Edit";

    private readonly SellerPortal _portal = new(fixture.App);

    public static TheoryData<string, string, byte[]> AllowedImages => new()
    {
        { "foto.jpg", "image/jpeg", TestImages.Jpeg() },
        { "foto.png", "image/png", TestImages.Png() },
        { "foto.webp", "image/webp", TestImages.Webp() },
    };

    [Theory]
    [MemberData(nameof(AllowedImages))]
    public async Task Jpeg_png_and_webp_are_accepted_stored_under_a_generated_name_and_served_with_caching_headers(string fileName, string contentType, byte[] bytes)
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);

        using var response = await Upload(client, SellerPortal.ListingFields(PolicyScenario.Rattan, "Keranjang Rotan Anyam"), (fileName, bytes, "application/octet-stream"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var listing = (await _portal.ListingAsync(ListingId(response)))!;
        listing.SellerId.Should().Be(sellerId);
        var image = listing.Images.Should().ContainSingle().Subject;
        image.ContentType.Should().Be(contentType, "the type comes from the content, not from the browser's claim");
        image.StoredName.Should().MatchRegex("^[0-9a-f]{32}\\.(jpg|png|webp)$").And.NotContain("foto");
        TestImages.SizeOf(await StoredPhotoBlobs.BytesAsync(fixture.App, image.StoredName)).Should().Be(TestImages.SizeOf(bytes), "the stored file is the same picture, encoded again");

        using var served = await client.GetAsync($"/images/{image.StoredName}");
        served.StatusCode.Should().Be(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.Should().Be(contentType);
        served.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromMinutes(5), "a taken-down listing's photo must not outlive it in shared caches");
        served.Headers.CacheControl.ToString().Should().NotContain("immutable");
        served.Headers.ETag.Should().NotBeNull();
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/images/{image.StoredName}");
        revalidate.Headers.IfNoneMatch.Add(served.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidate);
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    public static TheoryData<string, string, byte[], string> RefusedFiles => new()
    {
        { "foto.jpg", "image/jpeg", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"), "bukan gambar JPEG, PNG atau WebP" },
        { "logo.svg", "image/svg+xml", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "bukan gambar JPEG, PNG atau WebP" },
        { "besar.jpg", "image/jpeg", Padded([0xFF, 0xD8, 0xFF, 0xE0], (5 * 1024 * 1024) + 1), "lebih besar dari 5 MB" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_renamed_html_file_an_svg_and_an_oversized_file_are_refused_and_the_rest_of_the_form_is_kept(string fileName, string contentType, byte[] bytes, string reason)
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var filesBefore = (await StoredPhotoBlobs.KeysAsync(fixture.App)).Count;
        var good = TestImages.Png();

        using var response = await Upload(client, SellerPortal.ListingFields(PolicyScenario.Rattan, "Tempat Tisu Rotan"), (fileName, bytes, contentType), ("bagus.png", good, "image/png"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await FormPost.ParseAsync(response);
        page.QuerySelector("[data-valmsg-for='Uploads']")!.TextContent.Should().Contain(fileName).And.Contain(reason);
        page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value").Should().Be("Tempat Tisu Rotan");
        page.QuerySelectorAll("input[name='Kept']").Should().ContainSingle("the good image is kept for the next attempt");
        (await _portal.ListingCountAsync(sellerId)).Should().Be(0);
        (await StoredPhotoBlobs.KeysAsync(fixture.App)).Should().HaveCount(filesBefore + 2, "only the good image and its thumbnail were stored");

        var kept = page.QuerySelector("input[name='Kept']")!.GetAttribute("value")!;
        var fields = SellerPortal.ListingFields(PolicyScenario.Rattan, "Tempat Tisu Rotan");
        fields["Kept"] = kept;
        using var retried = await SellerPortal.PostListingAsync(client, "Save", fields, withPhoto: false);
        retried.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _portal.ListingAsync(ListingId(retried)))!.Images.Should().ContainSingle().Which.ContentType.Should().Be("image/png");
    }

    [Fact]
    public async Task A_drafts_image_is_404_for_strangers_and_another_seller_shown_to_admins_and_public_once_the_listing_is_live()
    {
        var (_, owner) = await _portal.SellerAsync(SellerOrigin.Local);
        var (_, other) = await _portal.SellerAsync(SellerOrigin.Local);
        using var response = await Upload(owner, SellerPortal.ListingFields(PolicyScenario.Rattan, "Kap Lampu Rotan"), ("lampu.png", TestImages.Png(), "image/png"));
        var id = ListingId(response);
        var name = (await _portal.ListingAsync(id))!.Images.Single().StoredName;
        var anonymous = fixture.App.CreateBrowserClient();

        (await anonymous.GetAsync($"/images/{name}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync($"/images/{name}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await owner.GetAsync($"/images/{name}")).Headers.CacheControl!.Private.Should().BeTrue();
        using (var admin = await Admin.AdminPages.AdminClientAsync(fixture.App))
        {
            using var reviewed = await admin.GetAsync($"/images/thumbs/{name}");
            reviewed.StatusCode.Should().Be(HttpStatusCode.OK, "admins review listings that are not live, photo first");
            reviewed.Headers.CacheControl!.Private.Should().BeTrue();
        }

        (await anonymous.GetAsync("/images/..%2F..%2Fappsettings.json")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await _portal.Scenario.PublishAsync(id)).State.Should().Be(ListingState.Published);
        using var live = await anonymous.GetAsync($"/images/{name}");
        live.StatusCode.Should().Be(HttpStatusCode.OK);
        live.Headers.CacheControl!.Public.Should().BeTrue();
    }

    [Fact]
    public async Task A_png_of_30000_by_30000_pixels_is_refused_before_it_is_decoded_with_a_message_in_the_sellers_language()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var bomb = TestImages.HugePng(30_000);
        bomb.Length.Should().BeInRange(2_000_000, 3_000_000, "the file is small; the picture it claims is 2.7 GB");

        using var response = await Upload(client, SellerPortal.ListingFields(PolicyScenario.Rattan, "Tikar Rotan Raksasa"), ("raksasa.png", bomb, "image/png"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FormPost.ParseAsync(response)).QuerySelector("[data-valmsg-for='Uploads']")!.TextContent
            .Should().Contain("raksasa.png").And.Contain("6.000 × 6.000 piksel");
        (await _portal.ListingCountAsync(sellerId)).Should().Be(0);
    }

    [Fact]
    public async Task A_jpeg_is_stored_without_its_exif_gps_and_without_bytes_hidden_after_the_image_and_turned_upright()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.Local);
        const string trailer = "<?php system($_GET['c']); ?> RAHASIA-DI-EKOR";
        var upload = TestImages.JpegWithGpsAndTrailer(80, 40, trailer);
        Contains(upload, "Exif\0\0"u8.ToArray()).Should().BeTrue();
        Contains(upload, Encoding.ASCII.GetBytes(trailer)).Should().BeTrue();

        using var response = await Upload(client, SellerPortal.ListingFields(PolicyScenario.Rattan, "Vas Rotan Berfoto"), ("foto-gps.jpg", upload, "image/jpeg"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var name = (await _portal.ListingAsync(ListingId(response)))!.Images.Single().StoredName;
        var stored = await StoredPhotoBlobs.BytesAsync(fixture.App, name);
        Contains(stored, "Exif"u8.ToArray()).Should().BeFalse("EXIF, and the GPS position in it, is gone");
        Contains(stored, "RAHASIA"u8.ToArray()).Should().BeFalse("what was hidden after the image is gone");
        stored.AsSpan(stored.Length - 2).ToArray().Should().Equal([0xFF, 0xD9], "the file ends where the image ends");
        TestImages.SizeOf(stored).Should().Be((40, 80), "the EXIF orientation (turn right) is applied to the pixels before the tag goes");
    }

    [Fact]
    public async Task A_320_pixel_webp_thumbnail_is_made_and_the_storefront_cards_and_the_sellers_list_show_it()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.Local);
        using var response = await Upload(client, SellerPortal.ListingFields(PolicyScenario.Rattan, "Keranjang Rotan Lebar"), ("lebar.png", TestImages.Png(1200, 800), "image/png"));
        var id = ListingId(response);
        var name = (await _portal.ListingAsync(id))!.Images.Single().StoredName;
        (await _portal.Scenario.PublishAsync(id)).State.Should().Be(ListingState.Published);
        var anonymous = fixture.App.CreateBrowserClient();

        using var thumbnail = await anonymous.GetAsync($"/images/thumbs/{name}");

        thumbnail.StatusCode.Should().Be(HttpStatusCode.OK);
        thumbnail.Content.Headers.ContentType!.MediaType.Should().Be("image/webp");
        var bytes = await thumbnail.Content.ReadAsByteArrayAsync();
        (bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8)).Should().BeTrue("the thumbnail is WebP");
        TestImages.SizeOf(bytes).Should().Be((320, 213));
        bytes.Length.Should().BeLessThan((await StoredPhotoBlobs.BytesAsync(fixture.App, name)).Length);

        var home = await anonymous.GetDocumentAsync("/");
        home.QuerySelectorAll(".listing-card img").Select(i => i.GetAttribute("src")).Should().Contain($"/images/thumbs/{name}");
        var list = await client.GetDocumentAsync("/Seller/Listings");
        list.QuerySelector($"tr[data-listing='{id}'] img")!.GetAttribute("src").Should().Be($"/images/thumbs/{name}");
        (await fixture.App.CreateBrowserClient().GetAsync($"/images/thumbs/{name[..^4]}.w320.webp")).StatusCode.Should().Be(HttpStatusCode.NotFound, "thumbnails are reached only through their image's name");
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static Task<HttpResponseMessage> Upload(HttpClient client, Dictionary<string, string> fields, params (string FileName, byte[] Bytes, string ContentType)[] files) =>
        SellerPortal.PostMultipartAsync(client, NewListing, NewListing + "?handler=Save", fields, files.Select(f => ("Uploads", f.FileName, f.Bytes, f.ContentType)));

    private static long ListingId(HttpResponseMessage response) =>
        long.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Padded(byte[] head, int length = 256)
    {
        var bytes = new byte[length];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < length; i++)
        {
            bytes[i] = (byte)(i % 251);
        }

        return bytes;
    }
}

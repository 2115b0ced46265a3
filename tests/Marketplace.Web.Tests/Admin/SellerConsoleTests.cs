using System.Net;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Admin;

/// <summary>Sellers from the console: finding them, verifying them, and suspending a shop so that all its listings go at once.</summary>
public sealed class SellerConsoleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task Sellers_are_found_by_name_and_filtered_by_origin_country_and_state()
    {
        var korean = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "KR");
        var local = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var client = await AdminPages.AdminClientAsync(fixture.App);

        var byCountry = await client.GetDocumentAsync("/Admin/Sellers?country=KR&origin=CrossBorder&status=Active");
        var byOrigin = await client.GetDocumentAsync("/Admin/Sellers?origin=Local");
        var localName = await _scenario.WithDbAsync(db => db.Sellers.Where(s => s.Id == local).Select(s => s.StoreName).SingleAsync());
        var byName = await client.GetDocumentAsync($"/Admin/Sellers?q={Uri.EscapeDataString(localName)}");
        var suspended = await client.GetDocumentAsync("/Admin/Sellers?status=Suspended");

        Rows(byCountry).Should().Equal(korean);
        Rows(byOrigin).Should().Contain(local).And.NotContain(korean);
        Rows(byName).Should().Equal(local);
        Rows(suspended).Should().NotContain([local, korean]);
    }

    [Fact]
    public async Task Suspending_a_seller_with_a_reason_hides_every_listing_at_once_and_tells_the_seller_why()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        long[] listings =
        [
            await _scenario.CreatePublishedAsync(seller, PolicyScenario.Textile, "Batik Tulis Lasem"),
            await _scenario.CreatePublishedAsync(seller, PolicyScenario.Coffee, "Kopi Toraja 200 gr"),
            await _scenario.CreatePublishedAsync(seller, PolicyScenario.Rattan, "Tas Anyaman Rotan"),
        ];
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var url = $"/Admin/Sellers/Detail?id={seller}";

        using var withoutReason = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Reason"] = "" }, "form[action*=Suspend]");
        withoutReason.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FormPost.ParseAsync(withoutReason)).QuerySelector("[data-valmsg-for=Reason]")!.TextContent.Should().Contain("wajib diisi");
        (await _scenario.IsVisibleAsync(listings[0])).Should().BeTrue();

        var page = await client.FollowAsync(await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Reason"] = "Menjual barang tiruan berulang kali" }, "form[action*=Suspend]"));

        page.QuerySelector("#result")!.TextContent.Should().Contain("3 produk diturunkan");
        page.QuerySelector("#seller-suspended").Should().NotBeNull();
        foreach (var id in listings)
        {
            (await _scenario.IsVisibleAsync(id)).Should().BeFalse();
            (await _scenario.ListingAsync(id)).State.Should().Be(ListingState.Suspended);
        }

        (await _scenario.NotificationsAsync(seller)).Should().Contain(n =>
            n.Kind == SellerNotificationKind.SellerSuspended && n.MessageId.Contains("Menjual barang tiruan berulang kali") && n.MessageEn.Contains("Menjual barang tiruan berulang kali"));
        (await _scenario.WithDbAsync(db => db.Sellers.SingleAsync(s => s.Id == seller))).SuspensionReason.Should().Be("Menjual barang tiruan berulang kali");

        var back = await client.FollowAsync(await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Reason"] = "Banding diterima" }, "form[action*=Reinstate]"));

        back.QuerySelector("#result")!.TextContent.Should().Contain("3 produk tayang lagi");
        foreach (var id in listings)
        {
            (await _scenario.IsVisibleAsync(id)).Should().BeTrue();
        }

        var actions = await _scenario.WithDbAsync(db => db.AdminActions.AsNoTracking().Where(a => a.SellerId == seller).OrderBy(a => a.Id).ToListAsync());
        actions.Select(a => (a.Kind, a.Reason)).Should().Equal(
            (AdminActionKind.SellerSuspended, "Menjual barang tiruan berulang kali"), (AdminActionKind.SellerReinstated, "Banding diterima"));
    }

    [Fact]
    public async Task A_seller_s_page_shows_listings_decisions_and_where_its_origin_verification_stands()
    {
        var seller = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "TW");
        var listing = await _scenario.CreatePublishedAsync(seller, PolicyScenario.Smartphones, "Smartphone Gaming 16 GB", ProductOrigin.Imported);
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var url = $"/Admin/Sellers/Detail?id={seller}";

        var page = await client.GetDocumentAsync(url);

        page.QuerySelector($"tr[data-listing='{listing}']")!.TextContent.Should().Contain("Smartphone Gaming 16 GB").And.Contain("Tayang");
        page.QuerySelector("#decisions")!.ParentElement!.TextContent.Should().Contain("Diizinkan").And.Contain("Penjual menayangkan");
        page.QuerySelector("#origin-verification")!.TextContent.Should().Contain("Belum diverifikasi");
    }

    private static List<int> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#sellers tr[data-seller]").Select(r => int.Parse(r.GetAttribute("data-seller")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}

using System.Net;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;

namespace Marketplace.Web.Tests.Sellers;

public sealed class OnboardingTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    private static Dictionary<string, string> ShopFields(string slug, string origin = "Local", string country = "ID", string nib = "9120001234567") => new()
    {
        ["Input.StoreName"] = "Tenun Ikat Sumba",
        ["Input.Slug"] = slug,
        ["Input.Origin"] = origin,
        ["Input.CountryCode"] = country,
        ["Input.Province"] = "Nusa Tenggara Timur",
        ["Input.City"] = "Waingapu",
        ["Input.Nib"] = nib,
        ["Input.ContactEmail"] = "halo@tenun.id",
        ["Input.ContactPhone"] = "0812-3456-7890",
    };

    [Fact]
    public async Task A_signed_in_shopper_opens_a_local_shop_and_enters_the_portal_at_once()
    {
        var (_, client) = await _portal.ShopperAsync();
        using (var before = await client.GetAsync("/Seller"))
        {
            before.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        var slug = "tenun-" + Guid.NewGuid().ToString("N")[..8];
        using var opened = await client.SubmitFormAsync("/OpenShop", ShopFields(slug));

        opened.StatusCode.Should().Be(HttpStatusCode.Redirect);
        opened.Headers.Location!.OriginalString.Should().Be("/Seller");
        var home = await client.GetDocumentAsync("/Seller");
        home.QuerySelector("main h2")!.TextContent.Should().Be("Tenun Ikat Sumba");
        var shop = await _portal.Scenario.WithDbAsync(db => Task.FromResult(db.Sellers.Single(s => s.Slug == slug)));
        shop.Origin.Should().Be(SellerOrigin.Local);
        shop.Nib.Should().Be("9120001234567");
        shop.ContactPhone.Should().Be("081234567890");
        var grant = await _portal.Scenario.WithDbAsync(db => Task.FromResult(db.AdminActions.Single(a => a.Kind == AdminActionKind.RoleGranted && a.ActorUserId == shop.UserId)));
        grant.Details.Should().Contain("role=Seller", "opening a shop grants the Seller role, and the grant is an audit row");
        shop.City.Should().Be("Waingapu");
    }

    [Fact]
    public async Task A_bad_nib_a_contradicting_country_and_a_taken_slug_are_refused_and_the_form_keeps_what_was_typed()
    {
        var (_, client) = await _portal.ShopperAsync();

        using var badNib = await client.SubmitFormAsync("/OpenShop", ShopFields("tenun-nib-" + Guid.NewGuid().ToString("N")[..6], nib: "12345"));
        var page = await FormPost.ParseAsync(badNib);
        badNib.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.Nib']")!.TextContent.Should().Contain("13 angka");
        page.QuerySelector("input[name='Input.City']")!.GetAttribute("value").Should().Be("Waingapu");
        page.QuerySelector("input[name='Input.Nib']")!.GetAttribute("value").Should().Be("12345");

        using var localAbroad = await client.SubmitFormAsync("/OpenShop", ShopFields("tenun-my-" + Guid.NewGuid().ToString("N")[..6], country: "MY"));
        (await FormPost.ParseAsync(localAbroad)).QuerySelector("[data-valmsg-for='Input.CountryCode']")!.TextContent.Should().Contain("berdomisili di Indonesia");

        var (otherId, other) = await _portal.SellerAsync(SellerOrigin.Local);
        var taken = (await _portal.ShopAsync(otherId)).Slug;
        using var takenSlug = await client.SubmitFormAsync("/OpenShop", ShopFields(taken));
        (await FormPost.ParseAsync(takenSlug)).QuerySelector("[data-valmsg-for='Input.Slug']")!.TextContent.Should().Contain("sudah dipakai");
        using var stillShopper = await client.GetAsync("/Seller");
        stillShopper.StatusCode.Should().Be(HttpStatusCode.Forbidden, "no shop was opened");
        other.Dispose();
    }

    [Fact]
    public async Task A_cross_border_seller_opens_a_shop_based_abroad()
    {
        var (_, client) = await _portal.ShopperAsync();
        var slug = "gadget-" + Guid.NewGuid().ToString("N")[..8];

        using var opened = await client.SubmitFormAsync("/OpenShop", ShopFields(slug, origin: "CrossBorder", country: "cn", nib: string.Empty));

        opened.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var shop = await _portal.Scenario.WithDbAsync(db => Task.FromResult(db.Sellers.Single(s => s.Slug == slug)));
        shop.Origin.Should().Be(SellerOrigin.CrossBorder);
        shop.CountryCode.Should().Be("CN");
        shop.Nib.Should().BeNull();
    }

    [Fact]
    public async Task Changing_the_shop_to_cross_border_re_decides_its_live_listings_through_the_policy()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var batik = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.Textile, "Kain Batik Tulis Lasem");
        var phone = await _portal.Scenario.CreatePublishedAsync(sellerId, PolicyScenario.PhoneCases, "Casing HP Kulit");
        var fields = ShopFields((await _portal.ShopAsync(sellerId)).Slug, origin: "CrossBorder", country: "SG", nib: string.Empty);

        using var saved = await client.SubmitFormAsync("/Seller/Shop", fields);

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _portal.ShopAsync(sellerId)).Origin.Should().Be(SellerOrigin.CrossBorder);
        (await _portal.ShopAsync(sellerId)).StoreName.Should().Be("Tenun Ikat Sumba", "the other fields are saved with the origin");
        var taken = await _portal.Scenario.ListingAsync(batik);
        taken.State.Should().Be(ListingState.Suspended);
        taken.SuspendedBy.Should().Be(SuspensionSource.Policy);
        (await _portal.Scenario.ListingAsync(phone)).State.Should().Be(ListingState.Published);
        (await _portal.Scenario.DecisionsAsync(batik)).Last().Trigger.Should().Be(Marketplace.Domain.Policy.DecisionTrigger.SellerOriginChanged);
    }
}

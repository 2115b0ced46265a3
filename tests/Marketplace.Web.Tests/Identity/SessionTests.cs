using System.Net;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Admin;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Storefront;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Web.Tests.Identity;

/// <summary>A session cookie, even a copied one, stops working once its user logs out, changes password or is signed out by an admin.</summary>
public sealed class SessionTests(SessionTests.Fixture fixture) : IClassFixture<SessionTests.Fixture>
{
    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task Copied_cookie_stops_working_after_logout()
    {
        await TestUsers.CreateAsync(App, "salin@example.id", Roles.Shopper);
        var (client, copied) = await SignInAndCopyCookieAsync("salin@example.id");
        (await GetOrdersAsync(copied)).StatusCode.Should().Be(HttpStatusCode.OK, "the copy works while the session lasts");

        using var loggedOut = await client.SubmitFormAsync("/Account/Logout", new Dictionary<string, string>());
        loggedOut.StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var afterLogout = await GetOrdersAsync(copied);
        afterLogout.StatusCode.Should().Be(HttpStatusCode.Redirect);
        afterLogout.Headers.Location!.AbsolutePath.Should().Be("/Account/Login");
    }

    [Fact]
    public async Task Password_change_ends_other_sessions_and_keeps_this_one()
    {
        await TestUsers.CreateAsync(App, "ganti@example.id", Roles.Shopper);
        var (client, copied) = await SignInAndCopyCookieAsync("ganti@example.id");

        using var changed = await client.SubmitFormAsync("/Account/Manage", new Dictionary<string, string>
        {
            ["NewPassword.CurrentPassword"] = TestUsers.Password,
            ["NewPassword.Password"] = "rambutan-segar-4",
            ["NewPassword.ConfirmPassword"] = "rambutan-segar-4",
        }, "#password-form");
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await GetOrdersAsync(copied)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/Orders")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Admin_signs_a_seller_out_everywhere_and_suspension_does_too()
    {
        var shop = await new StorefrontData(App).SellerAsync("toko-sesi", "Toko Sesi");
        var (_, copied) = await SignInAndCopyCookieAsync("toko-sesi@toko.example.id");
        var admin = await AdminPages.AdminClientAsync(App);

        using var signedOut = await admin.SubmitFormAsync($"/Admin/Sellers/Detail?id={shop}", new Dictionary<string, string>(), "#sign-out-everywhere");
        signedOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await GetOrdersAsync(copied)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, again) = await SignInAndCopyCookieAsync("toko-sesi@toko.example.id");
        using var suspended = await admin.SubmitFormAsync($"/Admin/Sellers/Detail?id={shop}", new Dictionary<string, string> { ["Reason"] = "Uji penangguhan sesi" }, "form[action*=Suspend]");
        suspended.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await GetOrdersAsync(again)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private async Task<(HttpClient Client, string Cookie)> SignInAndCopyCookieAsync(string email)
    {
        var client = App.CreateBrowserClient();
        using var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mp.auth=", StringComparison.Ordinal));
        return (client, cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    private async Task<HttpResponseMessage> GetOrdersAsync(string cookie)
    {
        using var stranger = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Orders");
        request.Headers.Add("Cookie", cookie);
        return await stranger.SendAsync(request);
    }

    public sealed class Fixture : AppFixture;
}

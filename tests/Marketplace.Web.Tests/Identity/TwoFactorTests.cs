using System.Net;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Admin;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Identity;

/// <summary>Any user may sign in with two factors (an authenticator app, or a recovery code once); admins must.</summary>
public sealed class TwoFactorTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task A_shopper_enrols_an_authenticator_and_then_signs_in_with_a_code_or_once_with_each_recovery_code()
    {
        const string email = "dua.langkah@example.id";
        await TestUsers.CreateAsync(App, email, Roles.Shopper);
        var client = await TestUsers.SignedInClientAsync(App, email);

        var setup = await client.GetDocumentAsync("/Account/Manage/TwoFactor");
        setup.QuerySelector("#authenticator-qr")!.GetAttribute("src").Should().StartWith("data:image/png;base64,");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;
        using (var wrong = await client.SubmitAsync(setup, "#enable-form", new Dictionary<string, string> { ["Code"] = WrongCode(key) }))
        {
            (await FormPost.ParseAsync(wrong)).QuerySelector("#enable-form .text-danger")!.TextContent.Should().Contain("Kode tidak cocok");
        }

        using var enabled = await client.SubmitAsync(setup, "#enable-form", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        var codes = (await FormPost.ParseAsync(enabled)).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent).ToList();
        codes.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        (await client.GetAsync("/Account/Manage")).StatusCode.Should().Be(HttpStatusCode.OK, "enrolling keeps the session that enrolled");
        (await client.GetDocumentAsync("/Account/Manage/TwoFactor")).QuerySelector("#recovery-codes").Should().BeNull("the codes are shown once");

        var withApp = App.CreateBrowserClient();
        using (var password = await LogInAsync(withApp, email))
        {
            password.Headers.Location!.OriginalString.Should().StartWith("/Account/LoginTwoFactor");
            (await withApp.GetAsync("/Account/Manage")).StatusCode.Should().Be(HttpStatusCode.Redirect, "a password alone does not sign in");
            using var badCode = await withApp.SubmitFormAsync(password.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = WrongCode(key) });
            badCode.StatusCode.Should().Be(HttpStatusCode.OK);
            using var goodCode = await withApp.SubmitFormAsync(password.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = NextCode(key) });
            goodCode.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        (await withApp.GetAsync("/Account/Manage")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await SecondStepAsync(codes[0])).StatusCode.Should().Be(HttpStatusCode.Redirect, "a recovery code signs in");
        (await SecondStepAsync(codes[0])).StatusCode.Should().Be(HttpStatusCode.OK, "but only once");

        async Task<HttpResponseMessage> SecondStepAsync(string code)
        {
            var other = App.CreateBrowserClient();
            using var password = await LogInAsync(other, email);
            return await other.SubmitFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = code });
        }
    }

    [Fact]
    public async Task An_admin_without_two_factor_is_sent_to_set_it_up_before_any_admin_handler_runs_and_gets_in_after()
    {
        const string email = "admin.baru@example.id";
        await TestUsers.CreateAsync(App, email, Roles.Shopper);
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Roles.Admin);
        }

        var client = await TestUsers.SignedInClientAsync(App, email);
        foreach (var handler in await AdminPages.EnumerateAsync(App))
        {
            using var response = await AdminPages.SendAsync(client, handler);
            if (handler.HttpMethod == "GET")
            {
                response.StatusCode.Should().Be(HttpStatusCode.Redirect, handler.ToString());
                response.Headers.Location!.OriginalString.Should().StartWith("/Account/Manage/TwoFactor?", handler.ToString());
            }
            else
            {
                response.StatusCode.Should().BeOneOf([HttpStatusCode.Redirect, HttpStatusCode.BadRequest], "{0} runs nothing without two factors", handler);
            }
        }

        using var sent = await client.GetAsync("/Admin/Audit");
        var setup = await client.FollowAsync(sent);
        setup.QuerySelector("#two-factor-required").Should().NotBeNull();
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;
        using var enabled = await client.SubmitAsync(setup, "#enable-form", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        (await FormPost.ParseAsync(enabled)).QuerySelector("#recovery-codes a")!.GetAttribute("href").Should().Be("/Admin/Audit");

        (await client.GetAsync("/Admin/Audit")).StatusCode.Should().Be(HttpStatusCode.OK);
        var manage = await client.GetDocumentAsync("/Account/Manage/TwoFactor");
        manage.QuerySelector("#disable-form").Should().BeNull("an admin cannot turn two factors off");
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email) =>
        client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password });

    /// <summary>The code of ten minutes ago: outside the window the validator accepts (one 30-second step either way).</summary>
    private static string WrongCode(string key) => Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(-10));

    /// <summary>The code of the next step, still inside the window: the current one was spent at enrolment.</summary>
    private static string NextCode(string key) => Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));
}

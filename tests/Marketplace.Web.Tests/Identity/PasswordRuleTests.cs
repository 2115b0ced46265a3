using System.Net;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Identity;

/// <summary>Common passwords and passwords built from the e-mail or name are refused, with the reason in the user's language.</summary>
public sealed class PasswordRuleTests(PasswordRuleTests.Fixture fixture) : IClassFixture<PasswordRuleTests.Fixture>
{
    [Theory]
    [InlineData("password12", "umum")]
    [InlineData("qwerty1234", "umum")]
    [InlineData("dewi.sartika@example.id1", "email atau nama")]
    [InlineData("sartika-2026", "email atau nama")]
    public async Task Registration_refuses_common_and_personal_passwords(string password, string reason)
    {
        using var response = await fixture.App.CreateBrowserClient().SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Dewi Sartika",
            ["Input.Email"] = "dewi.sartika@example.id",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FormPost.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent.Should().Contain(reason);
    }

    public sealed class Fixture : AppFixture;
}

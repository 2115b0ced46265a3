using System.Net;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Identity;

/// <summary>
/// Common passwords (also with a character or two added), passwords made of sequences and repeats, and passwords built from
/// the e-mail or name are refused, with the reason in the user's language. Found from outside: "1234567890a" was accepted.
/// </summary>
public sealed class PasswordRuleTests(PasswordRuleTests.Fixture fixture) : IClassFixture<PasswordRuleTests.Fixture>
{
    [Theory]
    [InlineData("password12", "umum")]
    [InlineData("qwerty1234", "umum")]
    [InlineData("1234567890a", "umum")]
    [InlineData("!password12!", "umum")]
    [InlineData("zyxwvu98765", "terlalu sederhana")]
    [InlineData("bbbbbbb4321", "terlalu sederhana")]
    [InlineData("asdfghjkl0987", "terlalu sederhana")]
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

    [Theory]
    [InlineData("kopi-gayo-2026")]
    [InlineData("rahasia-12345")]
    public async Task Registration_takes_a_password_with_enough_of_its_own(string password)
    {
        using var response = await fixture.App.CreateBrowserClient().SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Kartini",
            ["Input.Email"] = $"kartini.{Guid.NewGuid():N}@example.id",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    public sealed class Fixture : AppFixture;
}

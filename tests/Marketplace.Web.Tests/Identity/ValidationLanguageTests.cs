using System.Globalization;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Tests.Identity;

/// <summary>Validation speaks the reader's language, including the messages MVC would otherwise write in English.</summary>
public sealed class ValidationLanguageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_registration_without_the_repeated_password_is_refused_in_indonesian_only()
    {
        var client = fixture.App.CreateBrowserClient();

        using var response = await client.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Rina",
            ["Input.Email"] = $"rina-{Guid.NewGuid():N}@example.id",
            ["Input.Password"] = "rahasia-rina-2026",
            ["Input.ConfirmPassword"] = string.Empty,
        });

        var page = await FormPost.ParseAsync(response);
        var message = page.QuerySelector("[data-valmsg-for='Input.ConfirmPassword']")!.TextContent;
        message.Should().Be("Ulangi kata sandi wajib diisi.");
        page.QuerySelector("main")!.TextContent.Should().NotContain("field is required").And.NotContain("The ");
        page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent.Should().BeEmpty("a field already right carries no message");
    }

    [Fact]
    public void Model_binding_messages_come_from_the_resources_in_both_languages()
    {
        var messages = fixture.App.Services.GetRequiredService<IOptions<MvcOptions>>().Value.ModelBindingMessageProvider;
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("id-ID");
            messages.AttemptedValueIsInvalidAccessor("abc", "Jumlah").Should().Be("“abc” bukan isian yang valid untuk Jumlah.");
            messages.ValueMustNotBeNullAccessor("x").Should().Be("Isian ini wajib diisi.");
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            messages.AttemptedValueIsInvalidAccessor("abc", "Quantity").Should().Be("“abc” is not a valid value for Quantity.");
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}

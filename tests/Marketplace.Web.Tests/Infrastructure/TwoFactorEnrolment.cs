using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Admin;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>A new shopper who turned two-step on through the page, as a person would.</summary>
public static class TwoFactorEnrolment
{
    /// <summary>Enrols with the code of <paramref name="at"/> (the site's clock); returns the owner's signed-in client and the key.</summary>
    public static async Task<(HttpClient Owner, string Key)> EnrolAsync(MarketplaceApp app, string email, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(app);
        await TestUsers.CreateAsync(app, email, Roles.Shopper);
        var owner = await TestUsers.SignedInClientAsync(app, email);
        var setup = await owner.GetDocumentAsync("/Account/Manage/TwoFactor");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;
        using var enabled = await owner.SubmitAsync(setup, "#enable-form", new Dictionary<string, string> { ["Code"] = Totp.Code(key, at) });
        (await FormPost.ParseAsync(enabled)).QuerySelectorAll("#recovery-codes li").Should().HaveCount(10, "enrolling shows the recovery codes");
        return (owner, key);
    }
}

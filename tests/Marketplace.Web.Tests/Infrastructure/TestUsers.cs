using Marketplace.Web.Data;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Infrastructure;

public static class TestUsers
{
    public const string Password = "rahasia-12345";

    public static async Task<ApplicationUser> CreateAsync(MarketplaceApp app, string email, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
        var created = await users.CreateAsync(user, Password);
        created.Succeeded.Should().BeTrue(string.Join(", ", created.Errors.Select(e => e.Description)));
        foreach (var role in roles)
        {
            (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        }

        // Admins must sign in with two factors; a test admin has an authenticator enrolled, as a real one would.
        if (roles.Contains(Roles.Admin))
        {
            (await users.ResetAuthenticatorKeyAsync(user)).Succeeded.Should().BeTrue();
            (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.Should().BeTrue();
        }

        return user;
    }

    /// <summary>
    /// The code the user's authenticator app shows now, on the site's clock. A code is accepted once per account, and tests
    /// sign one admin in many times within a 30-second step, which a person cannot: the account's last accepted step is
    /// forgotten first, so each sign-in here stands for one at a later step.
    /// </summary>
    public static async Task<string> AuthenticatorCodeAsync(MarketplaceApp app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorTimeStep, (long?)null));
        return Totp.Code(await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{email} has no authenticator."), app.Clock.GetUtcNow());
    }

    /// <summary>A client whose cookie jar holds a signed-in session for the user, obtained through the real log-in form.</summary>
    public static async Task<HttpClient> SignedInClientAsync(MarketplaceApp app, string email)
    {
        var client = app.CreateBrowserClient();
        using var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        });
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, "the log-in of {0} should succeed", email);
        if (response.Headers.Location!.OriginalString.StartsWith("/Account/LoginTwoFactor", StringComparison.Ordinal))
        {
            using var second = await client.SubmitFormAsync(response.Headers.Location.OriginalString, new Dictionary<string, string>
            {
                ["Code"] = await AuthenticatorCodeAsync(app, email),
            });
            second.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, "the second step of {0}'s log-in should succeed", email);
        }

        return client;
    }
}

using System.Net;
using Marketplace.Domain.Audit;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Admin;

/// <summary>Admin sign-ins, failed ones included, and every grant or removal of a role are audit rows.</summary>
public sealed class AdminAccountabilityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task Failed_and_successful_admin_sign_ins_are_audit_rows_and_a_shoppers_are_not()
    {
        const string admin = "admin.jejak@example.id";
        var user = await TestUsers.CreateAsync(App, admin, Roles.Admin);
        await TestUsers.CreateAsync(App, "pembeli.jejak@example.id", Roles.Shopper);

        using (await LogInAsync(App.CreateBrowserClient(), "pembeli.jejak@example.id", "bukan-sandinya-1"))
        using (await LogInAsync(App.CreateBrowserClient(), admin, "bukan-sandinya-1"))
        {
        }

        var client = App.CreateBrowserClient();
        using (var password = await LogInAsync(client, admin, TestUsers.Password))
        using (await client.SubmitFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = "000000" }))
        {
        }

        await TestUsers.SignedInClientAsync(App, admin);

        var rows = await new PolicyScenario(App).WithDbAsync(db => db.AdminActions.AsNoTracking()
            .Where(a => a.Kind == AdminActionKind.AdminSignedIn || a.Kind == AdminActionKind.AdminSignInFailed).OrderBy(a => a.Id).ToListAsync());
        rows.Select(r => (r.Kind, r.ActorEmail, r.Details!.Split(';')[0])).Should().Equal(
            (AdminActionKind.AdminSignInFailed, admin, "step=password"),
            (AdminActionKind.AdminSignInFailed, admin, "step=authenticator"),
            (AdminActionKind.AdminSignedIn, admin, "step=authenticator"));
        rows.Should().OnlyContain(r => r.ActorUserId == user.Id && r.Details!.Contains("address="));
    }

    [Fact]
    public async Task Granting_and_revoking_the_admin_role_are_audit_rows_and_revoking_ends_the_admins_sessions()
    {
        const string email = "admin.sementara@example.id";
        (await AdminCommand.EnsureAdminAsync(App.Services, email, TestUsers.Password)).Should().BeEmpty();
        (await AdminCommand.EnsureAdminAsync(App.Services, email, TestUsers.Password)).Should().BeEmpty("a second run changes nothing");
        var client = await TestUsers.SignedInClientAsync(App, email);
        (await client.GetAsync("/Account/Manage")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await AdminCommand.RevokeAdminAsync(App.Services, email)).Should().BeEmpty();

        using var after = await client.GetAsync("/Account/Manage");
        after.StatusCode.Should().Be(HttpStatusCode.Redirect, "the revoked admin's session has ended");
        var rows = await new PolicyScenario(App).WithDbAsync(db => db.AdminActions.AsNoTracking()
            .Where(a => (a.Kind == AdminActionKind.RoleGranted || a.Kind == AdminActionKind.RoleRemoved) && a.Details!.Contains(email))
            .OrderBy(a => a.Id).ToListAsync());
        rows.Select(r => r.Kind).Should().Equal(AdminActionKind.RoleGranted, AdminActionKind.RoleRemoved);
        rows.Should().OnlyContain(r => r.ActorUserId == RoleGrants.Server.UserId && r.Details!.Contains("role=Admin"));
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
}

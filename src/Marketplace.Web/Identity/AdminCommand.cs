using Marketplace.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Identity;

/// <summary>
/// Admins are never self-registered. The first one comes from configuration (Admin:Email and Admin:Password)
/// or from the command line: <c>dotnet run --project src/Marketplace.Web -- create-admin EMAIL PASSWORD</c>;
/// <c>revoke-admin EMAIL</c> takes the role away. Both are audit rows. A new admin sets up two-factor sign-in at the
/// first visit to the admin console.
/// </summary>
internal static class AdminCommand
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] is not ("create-admin" or "revoke-admin"))
        {
            return false;
        }

        var create = args[0] == "create-admin";
        if (args.Length != (create ? 3 : 2))
        {
            await Console.Error.WriteLineAsync(create ? "Usage: create-admin EMAIL PASSWORD" : "Usage: revoke-admin EMAIL");
            Environment.ExitCode = 2;
            return true;
        }

        await app.Services.MigrateAsync();
        var errors = create ? await EnsureAdminAsync(app.Services, args[1], args[2]) : await RevokeAdminAsync(app.Services, args[1]);
        if (errors.Count > 0)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, errors));
            Environment.ExitCode = 1;
        }
        else
        {
            Console.WriteLine(create ? $"Admin {args[1]} is ready." : $"{args[1]} is no longer an admin.");
        }

        return true;
    }

    /// <summary>Creates the admin account, or gives an existing account the Admin role.</summary>
    public static async Task<IReadOnlyList<string>> EnsureAdminAsync(IServiceProvider services, string email, string password)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await Roles.EnsureAsync(scope.ServiceProvider);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Admin" };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return created.Errors.Select(e => e.Description).ToList();
            }
        }

        await scope.ServiceProvider.GetRequiredService<RoleGrants>().GrantAsync(user, Roles.Admin, RoleGrants.Server, CancellationToken.None);
        return [];
    }

    /// <summary>Takes the Admin role from an account and ends its sessions (the role change renews the security stamp).</summary>
    public static async Task<IReadOnlyList<string>> RevokeAdminAsync(IServiceProvider services, string email)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return [$"No account has the e-mail {email}."];
        }

        await scope.ServiceProvider.GetRequiredService<RoleGrants>().RemoveAsync(user, Roles.Admin, RoleGrants.Server, CancellationToken.None);
        return [];
    }
}

using Marketplace.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Identity;

/// <summary>
/// Admins are never self-registered. The first one comes from configuration (Admin:Email and Admin:Password)
/// or from the command line: <c>dotnet run --project src/Marketplace.Web -- create-admin EMAIL PASSWORD</c>.
/// </summary>
internal static class AdminCommand
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "create-admin")
        {
            return false;
        }

        if (args.Length != 3)
        {
            await Console.Error.WriteLineAsync("Usage: create-admin EMAIL PASSWORD");
            Environment.ExitCode = 2;
            return true;
        }

        await app.Services.MigrateAsync();
        var errors = await EnsureAdminAsync(app.Services, args[1], args[2]);
        if (errors.Count > 0)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, errors));
            Environment.ExitCode = 1;
        }
        else
        {
            Console.WriteLine($"Admin {args[1]} is ready.");
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

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            await users.AddToRoleAsync(user, Roles.Admin);
        }

        return [];
    }
}

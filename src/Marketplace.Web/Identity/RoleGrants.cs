using Marketplace.Domain.Audit;
using Marketplace.Web.Features.Common;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Identity;

/// <summary>
/// The one way the product gives or takes a privileged role (Seller, Admin), so every grant and removal is an audit row
/// naming who did it, the role and the user. The Shopper role every account gets at registration grants nothing beyond
/// an account and is not recorded.
/// </summary>
public sealed class RoleGrants(UserManager<ApplicationUser> users, AdminActionLog log)
{
    /// <summary>The actor of a change made on the server (configuration at start, the command line), where nobody is signed in.</summary>
    public static readonly AdminActor Server = new("server", "server@" + Environment.MachineName);

    /// <summary>Gives the role unless the user has it; true when it was given now.</summary>
    public async Task<bool> GrantAsync(ApplicationUser user, string role, AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.IsInRoleAsync(user, role))
        {
            return false;
        }

        Check(await users.AddToRoleAsync(user, role));
        await log.RecordAsync(actor, AdminActionKind.RoleGranted, new AdminTarget(), null, Details(user, role), cancellationToken);
        return true;
    }

    /// <summary>Takes the role away if the user has it; true when it was taken now.</summary>
    public async Task<bool> RemoveAsync(ApplicationUser user, string role, AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await users.IsInRoleAsync(user, role))
        {
            return false;
        }

        Check(await users.RemoveFromRoleAsync(user, role));

        // The cookie carries the roles it was issued with; a new stamp ends every session that still names this one.
        Check(await users.UpdateSecurityStampAsync(user));
        await log.RecordAsync(actor, AdminActionKind.RoleRemoved, new AdminTarget(), null, Details(user, role), cancellationToken);
        return true;
    }

    /// <summary>The actor of a change the user made themselves, such as opening a shop.</summary>
    public static AdminActor Self(ApplicationUser user) => new(user.Id, user.Email ?? user.Id);

    private static string Details(ApplicationUser user, string role) => $"role={role}; user={user.Id}; email={user.Email}";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

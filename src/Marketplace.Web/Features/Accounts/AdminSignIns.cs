using Marketplace.Domain.Audit;
using Marketplace.Web.Features.Common;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Features.Accounts;

/// <summary>Sign-ins to admin accounts, successful or not, are audit rows: who, from which address, at which step.</summary>
public sealed class AdminSignIns(UserManager<ApplicationUser> users, AdminActionLog log)
{
    public async Task RecordAsync(ApplicationUser? user, bool succeeded, string step, string address, CancellationToken cancellationToken)
    {
        if (user is null || !await users.IsInRoleAsync(user, Roles.Admin))
        {
            return;
        }

        await log.RecordAsync(
            new AdminActor(user.Id, user.Email ?? user.Id),
            succeeded ? AdminActionKind.AdminSignedIn : AdminActionKind.AdminSignInFailed,
            new AdminTarget(),
            null,
            $"step={step}; address={address}",
            cancellationToken);
    }
}

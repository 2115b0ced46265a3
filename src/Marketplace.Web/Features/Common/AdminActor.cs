using System.Security.Claims;

namespace Marketplace.Web.Features.Common;

/// <summary>The signed-in admin, as the audit trail names them: user id and email.</summary>
public sealed record AdminActor(string UserId, string Email)
{
    public static AdminActor From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name;
        return id is null || email is null
            ? throw new InvalidOperationException("Admin pages are reached by signed-in users only.")
            : new AdminActor(id, email);
    }
}

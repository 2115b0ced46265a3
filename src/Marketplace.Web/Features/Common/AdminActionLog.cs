using Marketplace.Domain.Audit;
using Marketplace.Web.Data;

namespace Marketplace.Web.Features.Common;

/// <summary>Writes what an admin did to the audit trail inside the transaction of the change itself, so both commit or neither does.</summary>
public sealed class AdminActionLog(MarketplaceDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(AdminActor actor, AdminActionKind kind, AdminTarget target, string? reason, string? details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        db.AdminActions.Add(new AdminAction(kind, actor.UserId, actor.Email, target, reason, details, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}

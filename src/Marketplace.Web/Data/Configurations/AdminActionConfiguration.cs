using Marketplace.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

/// <remarks>
/// No foreign keys: the audit trail is append-only and names its targets by id, so it never stands in the way of
/// anything else and survives whatever happens to the rows it mentions.
/// </remarks>
internal sealed class AdminActionConfiguration : IEntityTypeConfiguration<AdminAction>
{
    public void Configure(EntityTypeBuilder<AdminAction> builder)
    {
        builder.Property(a => a.ActorUserId).HasMaxLength(450);
        builder.Property(a => a.ActorEmail).HasMaxLength(256);
        builder.Property(a => a.Reason).HasMaxLength(AdminAction.ReasonMaxLength);
        builder.Property(a => a.Details).HasMaxLength(AdminAction.DetailsMaxLength);

        // The audit view pages newest first by (at, id), alone or filtered by one of these.
        builder.HasIndex(a => new { a.At, a.Id });
        builder.HasIndex(a => new { a.Kind, a.At });
        builder.HasIndex(a => new { a.ActorEmail, a.At });
        builder.HasIndex(a => new { a.ClusterId, a.At });
        builder.HasIndex(a => new { a.CategoryId, a.At });
        builder.HasIndex(a => new { a.SellerId, a.At });
        builder.HasIndex(a => new { a.ListingId, a.At });
    }
}

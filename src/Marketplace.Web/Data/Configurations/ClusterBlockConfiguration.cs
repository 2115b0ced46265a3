using Marketplace.Domain.Catalog;
using Marketplace.Domain.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class ClusterBlockConfiguration : IEntityTypeConfiguration<ClusterBlock>
{
    public void Configure(EntityTypeBuilder<ClusterBlock> builder)
    {
        builder.Property(b => b.Reason).HasMaxLength(500);
        builder.Property(b => b.CreatedBy).HasMaxLength(256);
        builder.Property(b => b.LiftedBy).HasMaxLength(256);
        builder.Property(b => b.LiftReason).HasMaxLength(500);
        builder.Property(b => b.Version).IsXminConcurrencyToken();
        builder.Ignore(b => b.Window);
        builder.HasIndex(b => new { b.ClusterId, b.StartsAt });
        builder.HasIndex(b => b.StartsAt).HasFilter("swept_at IS NULL AND lifted_at IS NULL").HasDatabaseName("ix_cluster_blocks_awaiting_sweep");
        builder.HasOne<Cluster>().WithMany().HasForeignKey(b => b.ClusterId).OnDelete(DeleteBehavior.Restrict);
    }
}

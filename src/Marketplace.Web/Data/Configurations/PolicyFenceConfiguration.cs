using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Marketplace.Web.Data.Configurations;

internal sealed class PolicyFenceConfiguration : IEntityTypeConfiguration<PolicyFence>
{
    public void Configure(EntityTypeBuilder<PolicyFence> builder)
    {
        builder.ToTable("policy_fence");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Position).HasColumnType("pg_lsn");

        // The one row, there from the start, so advancing is one UPDATE and never races an INSERT.
        builder.HasData(new PolicyFence { Id = PolicyFence.RowId, Position = new NpgsqlLogSequenceNumber(0) });
    }
}

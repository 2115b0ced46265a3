using Marketplace.Web.Features.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class RegistryRecordConfiguration : IEntityTypeConfiguration<RegistryRecord>
{
    public void Configure(EntityTypeBuilder<RegistryRecord> builder)
    {
        builder.ToTable("business_registry_records");
        builder.HasKey(r => r.Nib);
        builder.Property(r => r.Nib).HasMaxLength(13);
        builder.Property(r => r.BusinessName).HasMaxLength(200);
        builder.Property(r => r.OwnerName).HasMaxLength(200);
        builder.Property(r => r.Province).HasMaxLength(100);
    }
}

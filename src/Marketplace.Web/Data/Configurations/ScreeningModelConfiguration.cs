using Marketplace.Domain.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class ScreeningModelConfiguration : IEntityTypeConfiguration<ScreeningModel>
{
    public void Configure(EntityTypeBuilder<ScreeningModel> builder)
    {
        builder.HasKey(m => m.Version);
        builder.Property(m => m.Version).ValueGeneratedNever();
        builder.Property(m => m.TrainedBy).HasMaxLength(256);
    }
}

using Marketplace.Domain.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class PolicySettingsConfiguration : IEntityTypeConfiguration<PolicySettings>
{
    public void Configure(EntityTypeBuilder<PolicySettings> builder)
    {
        builder.ToTable("policy_settings", t => t.HasCheckConstraint("ck_policy_settings_singleton", "id = 1"));
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.IdrPerUsd).HasPrecision(12, CrossBorderMinimumPrice.RateDecimals);
        builder.Property(p => p.ExemptHsChapters).HasField("_exemptHsChapters");
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.Property(p => p.RowVersion).IsXminConcurrencyToken();
        builder.Ignore(p => p.MinimumPrice);
    }
}

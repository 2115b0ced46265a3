using Marketplace.Web.Features.Enforcement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class DecisionDayCountConfiguration : IEntityTypeConfiguration<DecisionDayCount>
{
    public void Configure(EntityTypeBuilder<DecisionDayCount> builder)
    {
        builder.ToTable("decision_day_counts");
        builder.HasKey(c => new { c.Day, c.ClusterId });
    }
}

internal sealed class ReviewTimeConfiguration : IEntityTypeConfiguration<ReviewTime>
{
    public void Configure(EntityTypeBuilder<ReviewTime> builder)
    {
        builder.ToTable("review_times");
        builder.HasKey(r => r.AdminActionId);
        builder.Property(r => r.AdminActionId).ValueGeneratedNever();
        builder.HasIndex(r => r.Day);
    }
}

internal sealed class RollupMarkConfiguration : IEntityTypeConfiguration<RollupMark>
{
    public void Configure(EntityTypeBuilder<RollupMark> builder)
    {
        builder.ToTable("rollup_marks");
        builder.HasKey(m => m.Name);
        builder.Property(m => m.Name).HasMaxLength(RollupMark.NameMaxLength);
    }
}

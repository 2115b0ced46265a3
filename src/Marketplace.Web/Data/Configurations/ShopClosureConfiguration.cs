using Marketplace.Domain.Enforcement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class ShopClosureConfiguration : IEntityTypeConfiguration<ShopClosure>
{
    public void Configure(EntityTypeBuilder<ShopClosure> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(ShopClosure.ReasonMaxLength);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.ReversedBy).HasMaxLength(256);

        // The sweep and the sign-in check look for closures whose instant has come and that have not taken effect.
        builder.HasIndex(c => c.ClosesAt).HasFilter("applied_at IS NULL AND reversed_at IS NULL");
    }
}

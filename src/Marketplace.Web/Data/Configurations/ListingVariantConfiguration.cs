using Marketplace.Domain.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class ListingVariantConfiguration : IEntityTypeConfiguration<ListingVariant>
{
    public void Configure(EntityTypeBuilder<ListingVariant> builder)
    {
        builder.Property(v => v.Name1).HasMaxLength(VariantOptions.NameMaxLength);
        builder.Property(v => v.Value1).HasMaxLength(VariantOptions.ValueMaxLength);
        builder.Property(v => v.Name2).HasMaxLength(VariantOptions.NameMaxLength);
        builder.Property(v => v.Value2).HasMaxLength(VariantOptions.ValueMaxLength);
        builder.IsRupiah(v => v.Price, "price_idr");
        builder.Ignore(v => v.Options);
        builder.Ignore(v => v.Label);
        builder.ToTable(t => t.HasCheckConstraint("ck_listing_variants_stock", "stock >= 0"));
        builder.HasIndex(v => new { v.ListingId, v.Position });
    }
}

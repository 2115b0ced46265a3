using Marketplace.Domain.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class ListingImageConfiguration : IEntityTypeConfiguration<ListingImage>
{
    public void Configure(EntityTypeBuilder<ListingImage> builder)
    {
        builder.Property(i => i.StoredName).HasMaxLength(80);
        builder.Property(i => i.ContentType).HasMaxLength(40);
        builder.HasIndex(i => i.StoredName).IsUnique();
        builder.HasIndex(i => new { i.ListingId, i.Position });
    }
}

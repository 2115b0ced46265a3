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
        // Not unique: the rows of one import that name the same photo share one stored picture.
        builder.HasIndex(i => i.StoredName);
        builder.HasIndex(i => new { i.ListingId, i.Position });
    }
}

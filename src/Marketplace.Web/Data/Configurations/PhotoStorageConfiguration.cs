using Marketplace.Web.Features.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class PhotoBlobConfiguration : IEntityTypeConfiguration<PhotoBlob>
{
    public void Configure(EntityTypeBuilder<PhotoBlob> builder)
    {
        builder.ToTable("photo_blobs");
        builder.HasKey(b => b.Key);
        builder.Property(b => b.Key).HasMaxLength(PhotoBlob.KeyMaxLength);
        builder.Property(b => b.ContentType).HasMaxLength(40);
    }
}

internal sealed class StoredPhotoConfiguration : IEntityTypeConfiguration<StoredPhoto>
{
    public void Configure(EntityTypeBuilder<StoredPhoto> builder)
    {
        builder.ToTable("stored_photos");
        builder.HasKey(p => p.Name);
        builder.Property(p => p.Name).HasMaxLength(PhotoFingerprint.StoredNameMaxLength);

        // A shop's quota is summed from its index entries alone; the sweep reads the oldest first.
        builder.HasIndex(p => p.SellerId).IncludeProperties(p => p.SizeBytes);
        builder.HasIndex(p => p.StoredAt);
    }
}

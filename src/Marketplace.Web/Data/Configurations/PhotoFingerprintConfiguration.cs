using Marketplace.Web.Features.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class PhotoFingerprintConfiguration : IEntityTypeConfiguration<PhotoFingerprint>
{
    public void Configure(EntityTypeBuilder<PhotoFingerprint> builder)
    {
        builder.ToTable("photo_fingerprints");
        builder.HasKey(f => new { f.StoredName, f.Part });
        builder.Property(f => f.StoredName).HasMaxLength(PhotoFingerprint.StoredNameMaxLength);

        // One index per band, carrying the hash, so a lookup's candidates are checked from the index alone.
        builder.HasIndex(f => f.Band0).IncludeProperties(f => f.Hash);
        builder.HasIndex(f => f.Band1).IncludeProperties(f => f.Hash);
        builder.HasIndex(f => f.Band2).IncludeProperties(f => f.Hash);
    }
}

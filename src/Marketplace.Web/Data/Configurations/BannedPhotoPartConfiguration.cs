using Marketplace.Domain.Listings;
using Marketplace.Web.Features.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class BannedPhotoPartConfiguration : IEntityTypeConfiguration<BannedPhotoPart>
{
    public void Configure(EntityTypeBuilder<BannedPhotoPart> builder)
    {
        builder.ToTable("banned_photo_parts");
        // Keyed by listing then hash, so the few rows a lookup finds in the band indexes are read back by that prefix
        // whatever number of photos the listing has.
        builder.HasKey(p => new { p.ListingId, p.Hash, p.StoredName, p.Part });
        builder.Property(p => p.StoredName).HasMaxLength(PhotoFingerprint.StoredNameMaxLength);
        builder.HasOne<Listing>().WithMany().HasForeignKey(p => p.ListingId).OnDelete(DeleteBehavior.Cascade);

        // One index per band carrying the hash and the listing: a lookup's candidates are read and checked from the
        // indexes alone (index-only scans), and only the few within the distance reach the listings.
        builder.HasIndex(p => p.Band0).IncludeProperties(p => new { p.Hash, p.ListingId });
        builder.HasIndex(p => p.Band1).IncludeProperties(p => new { p.Hash, p.ListingId });
        builder.HasIndex(p => p.Band2).IncludeProperties(p => new { p.Hash, p.ListingId });
    }
}

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
        // The bands are generated from the hash (the narrow cut), so a row is written with its hash alone.
        string[] bands = [nameof(BannedPhotoPart.Band0), nameof(BannedPhotoPart.Band1), nameof(BannedPhotoPart.Band2), nameof(BannedPhotoPart.Band3), nameof(BannedPhotoPart.Band4)];
        if (bands.Length != PhotoHashBands.Narrow.Count)
        {
            throw new InvalidOperationException("banned_photo_parts has a column for each band of the narrow cut.");
        }

        for (var band = 0; band < bands.Length; band++)
        {
            builder.Property(bands[band]).HasComputedColumnSql(PhotoHashBands.Narrow.Sql("hash", band), stored: true);
            builder.HasIndex(bands[band]).IncludeProperties(p => new { p.Hash, p.ListingId });
        }
    }
}

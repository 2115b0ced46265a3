using Marketplace.Domain.Catalog;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class StrikeConfiguration : IEntityTypeConfiguration<Strike>
{
    public void Configure(EntityTypeBuilder<Strike> builder)
    {
        builder.Property(s => s.ReasonCode).HasMaxLength(64);
        builder.Property(s => s.VoidedBy).HasMaxLength(256);
        builder.Property(s => s.VoidReason).HasMaxLength(Strike.ReasonMaxLength);

        // A shop's active strikes are counted under its lock on every strike; monitoring reads them by day.
        builder.HasIndex(s => new { s.SellerId, s.ExpiresAt });
        builder.HasIndex(s => s.IssuedAt);
        builder.HasOne<Seller>().WithMany().HasForeignKey(s => s.SellerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Listing>().WithMany().HasForeignKey(s => s.ListingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(s => s.ClusterId).OnDelete(DeleteBehavior.Restrict);
    }
}

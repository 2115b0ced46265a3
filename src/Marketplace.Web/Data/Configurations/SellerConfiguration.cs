using Marketplace.Domain.Sellers;
using Marketplace.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class SellerConfiguration : IEntityTypeConfiguration<Seller>
{
    public void Configure(EntityTypeBuilder<Seller> builder)
    {
        builder.Property(s => s.StoreName).HasMaxLength(80);
        builder.Property(s => s.Slug).HasMaxLength(80);
        builder.Property(s => s.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(s => s.Province).HasMaxLength(100);
        builder.Property(s => s.City).HasMaxLength(100);
        builder.Property(s => s.Nib).HasMaxLength(13);
        builder.Property(s => s.ContactEmail).HasMaxLength(SellerContact.EmailMaxLength);
        builder.Property(s => s.ContactPhone).HasMaxLength(20);
        builder.Property(s => s.PickupStreet).HasMaxLength(300);
        builder.Property(s => s.PickupPostalCode).HasMaxLength(5);
        builder.Property(s => s.SuspensionReason).HasMaxLength(500);
        builder.Property(s => s.Version).IsXminConcurrencyToken();
        builder.Ignore(s => s.IsCrossBorder);
        builder.Ignore(s => s.IsVerified);
        builder.Ignore(s => s.LocalOriginUnverified);
        builder.Property(s => s.VerificationNote).HasMaxLength(500);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.HasIndex(s => new { s.Origin, s.Status });
        builder.HasIndex(s => s.Province);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class TakedownRequestConfiguration : IEntityTypeConfiguration<TakedownRequest>
{
    public void Configure(EntityTypeBuilder<TakedownRequest> builder)
    {
        builder.Property(r => r.BodyName).HasMaxLength(TakedownRequest.BodyNameMaxLength);
        builder.Property(r => r.ReferenceNumber).HasMaxLength(TakedownRequest.ReferenceMaxLength);
        builder.Property(r => r.LegalBasis).HasMaxLength(TakedownRequest.LegalBasisMaxLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.WithdrawnBy).HasMaxLength(256);
        builder.Property(r => r.WithdrawalReason).HasMaxLength(TakedownRequest.WithdrawalReasonMaxLength);
        builder.Ignore(r => r.Issuer);
        builder.Ignore(r => r.Citation);
        builder.HasMany(r => r.Items).WithOne().HasForeignKey("TakedownRequestId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Items).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The inbox reads the newest requests first.
        builder.HasIndex(r => r.ReceivedAt);
    }
}

internal sealed class TakedownItemConfiguration : IEntityTypeConfiguration<TakedownItem>
{
    public void Configure(EntityTypeBuilder<TakedownItem> builder)
    {
        builder.ToTable("takedown_items");
        builder.Property(i => i.Line).HasMaxLength(TakedownItem.LineMaxLength);
        builder.HasOne<Listing>().WithMany().HasForeignKey(i => i.ListingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.ListingId);
    }
}

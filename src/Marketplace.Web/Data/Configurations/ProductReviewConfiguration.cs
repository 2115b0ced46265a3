using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Reviews;
using Marketplace.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class ProductReviewConfiguration : IEntityTypeConfiguration<ProductReview>
{
    public void Configure(EntityTypeBuilder<ProductReview> builder)
    {
        builder.Property(r => r.ReviewerName).HasMaxLength(ProductReview.ReviewerNameMaxLength);
        builder.Property(r => r.Text).HasMaxLength(ProductReview.TextMaxLength);
        builder.Property(r => r.ImageName).HasMaxLength(64);

        // One review per order line, enforced by the database against double submits.
        builder.HasIndex(r => r.OrderLineId).IsUnique();

        // The product page: a listing's newest shown reviews.
        builder.HasIndex(r => new { r.ListingId, r.CreatedAt }).IsDescending(false, true).HasFilter("NOT is_hidden");
        builder.HasIndex(r => r.ImageName).HasFilter("image_name IS NOT NULL");
        builder.HasIndex(r => r.CreatedAt);
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(r => r.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Listing>().WithMany().HasForeignKey(r => r.ListingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ShopperUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

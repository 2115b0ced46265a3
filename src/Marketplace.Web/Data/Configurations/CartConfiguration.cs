using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Version).IsXminConcurrencyToken();
        builder.HasIndex(c => c.OwnerUserId).IsUnique().HasFilter("owner_user_id IS NOT NULL");
        builder.HasIndex(c => c.UpdatedAt);
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CartId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Items).HasField("_items");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CartItemConfiguration : IEntityTypeConfiguration<CartItem>
{
    public void Configure(EntityTypeBuilder<CartItem> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("ck_cart_items_quantity", FormattableString.Invariant($"quantity BETWEEN 1 AND {Cart.MaxQuantityPerItem}")));
        builder.HasIndex(i => new { i.CartId, i.ListingId, i.VariantId }).IsUnique().AreNullsDistinct(false);
        builder.HasIndex(i => i.ListingId);
        builder.HasOne<Listing>().WithMany().HasForeignKey(i => i.ListingId).OnDelete(DeleteBehavior.Cascade);

        // A variant the seller removes leaves the carts that held it.
        builder.HasOne<ListingVariant>().WithMany().HasForeignKey(i => i.VariantId).OnDelete(DeleteBehavior.Cascade);
    }
}

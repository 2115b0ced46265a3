using Marketplace.Domain.Catalog;
using Marketplace.Domain.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class SellerNotificationConfiguration : IEntityTypeConfiguration<SellerNotification>
{
    public void Configure(EntityTypeBuilder<SellerNotification> builder)
    {
        builder.Property(n => n.MessageId).HasMaxLength(1000);
        builder.Property(n => n.MessageEn).HasMaxLength(1000);
        builder.HasIndex(n => new { n.SellerId, n.CreatedAt }).IsDescending(false, true);

        // The seller portal's unread badge counts these beside the seller's inbox (Features/Notifications/Inbox.cs).
        builder.HasIndex(n => n.SellerId).HasFilter("read_at IS NULL").HasDatabaseName("ix_seller_notifications_unread");
        builder.HasOne<Seller>().WithMany().HasForeignKey(n => n.SellerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(n => n.ClusterId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Marketplace.Domain.Notifications;
using Marketplace.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        builder.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);

        // The inbox page, newest first; and the header's badge, which counts only the unread rows of one user.
        builder.HasIndex(n => new { n.UserId, n.Audience, n.CreatedAt, n.Id }).IsDescending(false, false, true, true);
        builder.HasIndex(n => new { n.UserId, n.Audience }).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

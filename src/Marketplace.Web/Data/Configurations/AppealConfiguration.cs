using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.Property(a => a.Statement).HasMaxLength(Appeal.StatementMaxLength);
        builder.Property(a => a.DecisionNote).HasMaxLength(Appeal.NoteMaxLength);
        builder.Property(a => a.DecidedBy).HasMaxLength(256);
        builder.HasOne<Seller>().WithMany().HasForeignKey(a => a.SellerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Documents).WithOne().HasForeignKey("AppealId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);

        // One open appeal per subject; a decided one leaves room for the next.
        builder.HasIndex(a => new { a.Subject, a.SubjectId }).IsUnique().HasFilter($"status = {(int)AppealStatus.Open}");

        // The admins' queue reads open appeals oldest first; the seller's page and monitoring read by shop and by day.
        builder.HasIndex(a => new { a.Status, a.SubmittedAt });
        builder.HasIndex(a => new { a.SellerId, a.SubmittedAt });
        builder.HasIndex(a => a.DecidedAt);
    }
}

internal sealed class AppealDocumentConfiguration : IEntityTypeConfiguration<AppealDocument>
{
    public void Configure(EntityTypeBuilder<AppealDocument> builder)
    {
        builder.Property(d => d.StoredName).HasMaxLength(64);
        builder.Property(d => d.ContentType).HasMaxLength(50);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.HasIndex(d => d.StoredName).IsUnique();
    }
}

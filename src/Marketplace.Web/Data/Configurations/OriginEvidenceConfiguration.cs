using Marketplace.Domain.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class OriginEvidenceConfiguration : IEntityTypeConfiguration<OriginEvidence>
{
    public void Configure(EntityTypeBuilder<OriginEvidence> builder)
    {
        builder.ToTable("origin_evidence");
        builder.Property(e => e.IdentityNumber).HasMaxLength(16);
        builder.Property(e => e.Address).HasMaxLength(300);
        builder.Property(e => e.City).HasMaxLength(100);
        builder.Property(e => e.Province).HasMaxLength(100);
        builder.Property(e => e.PostalCode).HasMaxLength(5);
        builder.Property(e => e.DecidedBy).HasMaxLength(256);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.Property(e => e.OwnerName).HasMaxLength(OriginEvidence.OwnerNameMaxLength);
        builder.HasOne<Seller>().WithMany().HasForeignKey(e => e.SellerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Documents).WithOne().HasForeignKey("EvidenceId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(e => e.Findings).WithOne().HasForeignKey("EvidenceId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The admins' queue reads the waiting requests oldest first.
        builder.HasIndex(e => new { e.Status, e.SubmittedAt });
        builder.HasIndex(e => e.SellerId);
    }
}

internal sealed class EvidenceDocumentConfiguration : IEntityTypeConfiguration<EvidenceDocument>
{
    public void Configure(EntityTypeBuilder<EvidenceDocument> builder)
    {
        builder.ToTable("evidence_documents");
        builder.Property(d => d.StoredName).HasMaxLength(64);
        builder.Property(d => d.ContentType).HasMaxLength(50);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.HasIndex(d => d.StoredName).IsUnique();
    }
}

internal sealed class VerificationFindingConfiguration : IEntityTypeConfiguration<VerificationFinding>
{
    public void Configure(EntityTypeBuilder<VerificationFinding> builder)
    {
        builder.ToTable("verification_findings");
        builder.Property(f => f.Detail).HasMaxLength(VerificationFinding.DetailMaxLength);

        // The queue's filter by reason.
        builder.HasIndex(f => f.Kind);
    }
}

using Marketplace.Domain.Catalog;
using Marketplace.Domain.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class LexiconTermConfiguration : IEntityTypeConfiguration<LexiconTerm>
{
    public void Configure(EntityTypeBuilder<LexiconTerm> builder)
    {
        builder.Property(t => t.Term).HasMaxLength(60);
        builder.HasIndex(t => new { t.ClusterId, t.Term }).IsUnique();
        builder.HasOne<Cluster>().WithMany().HasForeignKey(t => t.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}

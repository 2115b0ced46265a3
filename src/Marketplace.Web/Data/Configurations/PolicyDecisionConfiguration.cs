using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class PolicyDecisionConfiguration : IEntityTypeConfiguration<PolicyDecision>
{
    public void Configure(EntityTypeBuilder<PolicyDecision> builder)
    {
        builder.Property(d => d.Actor).HasMaxLength(256);
        builder.Property(d => d.MessageId).HasMaxLength(4000);
        builder.Property(d => d.MessageEn).HasMaxLength(4000);
        builder.Property(d => d.ReasonCodes);
        builder.HasIndex(d => new { d.ListingId, d.DecidedAt });
        builder.HasIndex(d => d.DecidedAt);
        builder.HasIndex(d => new { d.ClusterId, d.DecidedAt });
        builder.HasIndex(d => new { d.SellerId, d.DecidedAt });

        // The audit trail filters by these and pages newest first.
        builder.HasIndex(d => new { d.Outcome, d.DecidedAt });
        builder.HasIndex(d => new { d.Trigger, d.DecidedAt });
        builder.HasIndex(d => new { d.Actor, d.DecidedAt });
        builder.HasOne<Listing>().WithMany().HasForeignKey(d => d.ListingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Seller>().WithMany().HasForeignKey(d => d.SellerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(d => d.ClusterId).OnDelete(DeleteBehavior.Restrict);
    }
}

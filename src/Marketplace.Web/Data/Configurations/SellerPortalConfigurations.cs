using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Sellers.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class OrderLineEventConfiguration : IEntityTypeConfiguration<OrderLineEvent>
{
    public void Configure(EntityTypeBuilder<OrderLineEvent> builder)
    {
        builder.Property(e => e.TrackingNumber).HasMaxLength(OrderLine.TrackingNumberMaxLength);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.HasIndex(e => new { e.OrderLineId, e.At });
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(e => e.OrderLineId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Seller>().WithMany().HasForeignKey(e => e.SellerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SellerApiTokenConfiguration : IEntityTypeConfiguration<SellerApiToken>
{
    public void Configure(EntityTypeBuilder<SellerApiToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(SellerApiToken.NameMaxLength);
        builder.Property(t => t.Hash).HasMaxLength(32);
        builder.Property(t => t.Hint).HasMaxLength(4);
        builder.Ignore(t => t.IsActive);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.SellerId);
        builder.HasOne<Seller>().WithMany().HasForeignKey(t => t.SellerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SellerApiUsageConfiguration : IEntityTypeConfiguration<SellerApiUsage>
{
    public void Configure(EntityTypeBuilder<SellerApiUsage> builder)
    {
        builder.HasKey(u => new { u.TokenId, u.WindowStart });
        builder.HasOne<SellerApiToken>().WithMany().HasForeignKey(u => u.TokenId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListingImportConfiguration : IEntityTypeConfiguration<ListingImport>
{
    public void Configure(EntityTypeBuilder<ListingImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(ListingImport.FileNameMaxLength);
        builder.Property(i => i.Actor).HasMaxLength(256);
        builder.Property(i => i.FailureKey).HasMaxLength(100);
        builder.Ignore(i => i.IsFinished);
        builder.Ignore(i => i.Stage);
        builder.HasIndex(i => new { i.SellerId, i.CreatedAt });
        builder.HasIndex(i => new { i.Status, i.Id });
        builder.HasOne<Seller>().WithMany().HasForeignKey(i => i.SellerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListingImportBaselineConfiguration : IEntityTypeConfiguration<ListingImportBaseline>
{
    public void Configure(EntityTypeBuilder<ListingImportBaseline> builder)
    {
        builder.HasKey(b => new { b.ImportId, b.ListingId });
        builder.HasOne<ListingImport>().WithMany().HasForeignKey(b => b.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Listing>().WithMany().HasForeignKey(b => b.ListingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListingImportProblemConfiguration : IEntityTypeConfiguration<ListingImportProblem>
{
    public void Configure(EntityTypeBuilder<ListingImportProblem> builder)
    {
        builder.Property(p => p.Column).HasMaxLength(40);
        builder.Property(p => p.ProblemKey).HasMaxLength(100);
        builder.Property(p => p.Value).HasMaxLength(200);
        builder.HasIndex(p => new { p.ImportId, p.RowNumber });
        builder.HasOne<ListingImport>().WithMany().HasForeignKey(p => p.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListingImportRowConfiguration : IEntityTypeConfiguration<ListingImportRow>
{
    public void Configure(EntityTypeBuilder<ListingImportRow> builder)
    {
        builder.HasKey(r => new { r.ImportId, r.RowNumber });
        builder.Property(r => r.Sku).HasMaxLength(200);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.ReasonKey).HasMaxLength(100);
        builder.HasOne<ListingImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

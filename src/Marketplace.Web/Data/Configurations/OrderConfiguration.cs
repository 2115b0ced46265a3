using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.Number).HasMaxLength(32);
        builder.IsRupiah(o => o.ShippingFeePerSeller, "shipping_fee_per_seller_idr");
        builder.ComplexProperty(o => o.Address, address => address.MapsShippingAddress("ship_"));
        builder.ComplexProperty(o => o.VirtualAccount, account =>
        {
            account.Property(a => a.Bank).HasMaxLength(20).HasColumnName("va_bank");
            account.Property(a => a.Number).HasMaxLength(VirtualAccount.NumberMaxLength).HasColumnName("va_number");
            account.Property(a => a.PayBy).HasColumnName("va_pay_by");
        });
        builder.Ignore(o => o.SellerCount);
        builder.Ignore(o => o.Subtotal);
        builder.Ignore(o => o.ShippingTotal);
        builder.Ignore(o => o.Total);
        builder.Ignore(o => o.Parts);
        builder.Ignore(o => o.IsReleasedToSellers);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasIndex(o => new { o.ShopperUserId, o.PlacedAt });

        // The expiry sweep's claim: only unpaid orders are in it, by deadline.
        builder.HasIndex(o => o.PaymentStatus).HasFilter($"payment_status = {(int)PaymentStatus.AwaitingPayment}").HasDatabaseName("ix_orders_awaiting_payment");
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).HasField("_lines");
        builder.OwnsMany(o => o.Shipping, shipping =>
        {
            shipping.ToTable("order_shipping");
            shipping.WithOwner().HasForeignKey("OrderId");
            shipping.HasKey("OrderId", nameof(OrderShipping.SellerId));
            shipping.Property(s => s.ServiceCode).HasMaxLength(OrderShipping.CodeMaxLength);
            shipping.Property(s => s.Courier).HasMaxLength(32);
            shipping.Property(s => s.ServiceName).HasMaxLength(32);
            shipping.Property(s => s.Fee).HasConversion(r => r.Amount, amount => new Rupiah(amount)).HasColumnName("fee_idr");
            shipping.Ignore(s => s.DisplayName);
        });
        builder.Navigation(o => o.Shipping).HasField("_shipping");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.ShopperUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.Property(l => l.Title).HasMaxLength(120);
        builder.IsRupiah(l => l.UnitPrice, "unit_price_idr");
        builder.Property(l => l.TrackingNumber).HasMaxLength(64);
        builder.Property(l => l.Courier).HasMaxLength(32);
        builder.Property(l => l.VariantLabel).HasMaxLength(VariantOptions.LabelMaxLength);
        builder.Property(l => l.Version).IsXminConcurrencyToken();
        builder.Ignore(l => l.LineTotal);
        builder.HasIndex(l => l.OrderId);
        builder.HasIndex(l => new { l.SellerId, l.Status });
        builder.HasOne<Listing>().WithMany().HasForeignKey(l => l.ListingId).OnDelete(DeleteBehavior.Restrict);

        // The line keeps the variant's name when the seller removes the variant.
        builder.HasOne<ListingVariant>().WithMany().HasForeignKey(l => l.VariantId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Seller>().WithMany().HasForeignKey(l => l.SellerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentCallbackConfiguration : IEntityTypeConfiguration<PaymentCallback>
{
    public void Configure(EntityTypeBuilder<PaymentCallback> builder)
    {
        builder.HasKey(c => c.EventId);
        builder.Property(c => c.EventId).HasMaxLength(PaymentCallback.EventIdMaxLength);
        builder.Property(c => c.OrderNumber).HasMaxLength(PaymentCallback.OrderNumberMaxLength);
    }
}

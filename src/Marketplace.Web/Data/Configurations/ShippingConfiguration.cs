using Marketplace.Domain.Orders;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Features.Shipping;
using Marketplace.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.Property(s => s.ServiceCode).HasMaxLength(OrderShipping.CodeMaxLength);
        builder.Property(s => s.Courier).HasMaxLength(32);
        builder.Property(s => s.ServiceName).HasMaxLength(32);
        builder.Property(s => s.TrackingNumber).HasMaxLength(Shipment.TrackingNumberMaxLength);
        builder.IsRupiah(s => s.CashToCollect, "cash_to_collect_idr");
        builder.HasIndex(s => s.TrackingNumber).IsUnique();

        // One parcel per seller's part: a second booking of the same part fails here even if two requests race.
        builder.HasIndex(s => new { s.OrderId, s.SellerId }).IsUnique();
        builder.HasOne<Order>().WithMany().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.ShipmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Events).HasField("_events");
    }
}

internal sealed class TrackingEventConfiguration : IEntityTypeConfiguration<TrackingEvent>
{
    public void Configure(EntityTypeBuilder<TrackingEvent> builder)
    {
        builder.Property(e => e.EventId).HasMaxLength(TrackingEvent.EventIdMaxLength);
        builder.Property(e => e.Location).HasMaxLength(TrackingEvent.LocationMaxLength);
        builder.HasIndex(e => e.ShipmentId);
    }
}

internal sealed class TrackingCallbackConfiguration : IEntityTypeConfiguration<TrackingCallback>
{
    public void Configure(EntityTypeBuilder<TrackingCallback> builder)
    {
        builder.HasKey(c => c.EventId);
        builder.Property(c => c.EventId).HasMaxLength(TrackingEvent.EventIdMaxLength);
        builder.Property(c => c.TrackingNumber).HasMaxLength(Shipment.TrackingNumberMaxLength);
    }
}

internal sealed class SandboxParcelConfiguration : IEntityTypeConfiguration<SandboxParcel>
{
    public void Configure(EntityTypeBuilder<SandboxParcel> builder)
    {
        builder.ToTable("sandbox_courier_parcels");
        builder.HasKey(p => p.TrackingNumber);
        builder.Property(p => p.TrackingNumber).HasMaxLength(Shipment.TrackingNumberMaxLength);
        builder.Property(p => p.ServiceCode).HasMaxLength(OrderShipping.CodeMaxLength);
        builder.Property(p => p.OrderNumber).HasMaxLength(32);
    }
}

internal sealed class SavedAddressConfiguration : IEntityTypeConfiguration<SavedAddress>
{
    public void Configure(EntityTypeBuilder<SavedAddress> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.ComplexProperty(a => a.Address, address => address.MapsShippingAddress(string.Empty));
        builder.HasIndex(a => a.UserId);

        // At most one default per shopper, whatever two tabs do at once.
        builder.HasIndex(a => a.UserId, "ix_saved_addresses_default").IsUnique().HasFilter("is_default");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

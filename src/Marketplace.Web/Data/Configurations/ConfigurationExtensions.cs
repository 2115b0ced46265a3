using System.Linq.Expressions;
using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal static class ConfigurationExtensions
{
    /// <summary>
    /// Maps a <c>uint</c> property onto PostgreSQL's system column <c>xmin</c>, which changes on every update.
    /// Named explicitly so that no migration ever tries to add a real column.
    /// </summary>
    public static PropertyBuilder<uint> IsXminConcurrencyToken(this PropertyBuilder<uint> property) =>
        property.IsRowVersion().HasColumnName("xmin").HasColumnType("xid");

    public static PropertyBuilder<Rupiah> IsRupiah<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, Rupiah>> property, string column)
        where T : class =>
        entity.Property(property).HasConversion(r => r.Amount, amount => new Rupiah(amount)).HasColumnName(column);

    /// <summary>An address's columns, each named with <paramref name="prefix"/>; the lengths are <see cref="ShippingAddress.Create"/>'s.</summary>
    public static void MapsShippingAddress(this ComplexPropertyBuilder<ShippingAddress> address, string prefix)
    {
        ArgumentNullException.ThrowIfNull(address);
        address.Property(a => a.RecipientName).HasMaxLength(100).HasColumnName(prefix + "recipient_name");
        address.Property(a => a.Phone).HasMaxLength(20).HasColumnName(prefix + "phone");
        address.Property(a => a.Street).HasMaxLength(300).HasColumnName(prefix + "street");
        address.Property(a => a.City).HasMaxLength(100).HasColumnName(prefix + "city");
        address.Property(a => a.Province).HasMaxLength(100).HasColumnName(prefix + "province");
        address.Property(a => a.PostalCode).HasMaxLength(5).HasColumnName(prefix + "postal_code");
    }
}

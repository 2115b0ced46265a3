using System.Linq.Expressions;
using Marketplace.Domain;
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
}

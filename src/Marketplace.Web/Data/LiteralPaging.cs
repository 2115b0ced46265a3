using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <summary>
/// Skip and Take whose counts reach PostgreSQL as literals. EF Core sends them as parameters, and with a parameter for LIMIT
/// or OFFSET PostgreSQL never settles on one generic plan for a prepared statement (it cannot tell how many rows that plan
/// returns), so it plans the statement again on every execution: about 1 ms of the database's time per storefront statement
/// at a million listings, more than running it. Each distinct count becomes its own statement, so use these for the few
/// fixed sizes and bounded offsets of shopper-facing pages.
/// </summary>
public static class LiteralPaging
{
    private static readonly MethodInfo Constant = typeof(EF).GetMethod(nameof(EF.Constant))!.MakeGenericMethod(typeof(int));

    public static IQueryable<T> TakeLiteral<T>(this IQueryable<T> source, int count) => Apply(source, nameof(Queryable.Take), count);

    public static IQueryable<T> SkipLiteral<T>(this IQueryable<T> source, int count) => Apply(source, nameof(Queryable.Skip), count);

    private static IQueryable<T> Apply<T>(IQueryable<T> source, string method, int count) =>
        source.Provider.CreateQuery<T>(Expression.Call(
            typeof(Queryable), method, [typeof(T)], source.Expression, Expression.Call(Constant, Expression.Constant(count))));
}

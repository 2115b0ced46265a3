using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;

namespace Marketplace.Web.Features.Policy;

/// <summary>
/// The facts of <see cref="PlacedListings"/> as SQL conditions over <c>l</c> (listings), <c>s</c> (sellers) and
/// <c>c</c> (categories), for the policy's hand-written statements (row locks, set-based scopes) that EF cannot compose.
/// Written from the facts' own expressions, so there is no second copy to drift; <c>PlacedListingTruthTableTests</c>
/// runs them beside EF's translation and the C# form.
/// </summary>
internal static class PlacedListingSql
{
    public static readonly string CrossBorder = Of(PlacedListings.CrossBorder);

    public static readonly string ClosureApplies = Of(PlacedListings.ClosureApplies);

    public static readonly string RuleChangeCandidate = Of(PlacedListings.RuleChangeCandidate);

    public static readonly string TakenDownByAdmin = Of(PlacedListings.TakenDownByAdmin);

    /// <summary>
    /// Comparisons of columns with constants and null, joined by AND, OR and NOT: what the facts are made of. Anything
    /// else throws when the type loads, so a fact written another way fails every test at once rather than in production.
    /// </summary>
    public static string Of(Expression<Func<PlacedListing, bool>> fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var sql = new StringBuilder();
        Write(fact.Body, sql);
        return sql.ToString();
    }

    private static void Write(Expression node, StringBuilder sql)
    {
        switch (node)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse } logical:
                sql.Append('(');
                Write(logical.Left, sql);
                sql.Append(logical.NodeType == ExpressionType.AndAlso ? " AND " : " OR ");
                Write(logical.Right, sql);
                sql.Append(')');
                break;
            case BinaryExpression { NodeType: ExpressionType.Equal or ExpressionType.NotEqual } comparison when IsNull(comparison.Right):
                Write(comparison.Left, sql);
                sql.Append(comparison.NodeType == ExpressionType.Equal ? " IS NULL" : " IS NOT NULL");
                break;
            case BinaryExpression { NodeType: ExpressionType.Equal or ExpressionType.NotEqual } comparison:
                Write(comparison.Left, sql);
                sql.Append(comparison.NodeType == ExpressionType.Equal ? " = " : " <> ");
                Write(comparison.Right, sql);
                break;
            case UnaryExpression { NodeType: ExpressionType.Not } not:
                sql.Append("NOT ");
                Write(not.Operand, sql);
                break;
            case UnaryExpression { NodeType: ExpressionType.Convert } convert:
                Write(convert.Operand, sql);
                break;
            case ConstantExpression { Value: { } value }:
                sql.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case MemberExpression { Expression: MemberExpression { Expression: ParameterExpression } owner } column:
                sql.Append(Alias(owner.Member.Name)).Append('.').Append(SnakeCaseNames.ToSnakeCase(column.Member.Name));
                break;
            default:
                throw new NotSupportedException($"A placed-listing fact has no SQL form for {node.NodeType}: {node}.");
        }
    }

    private static bool IsNull(Expression node) => node switch
    {
        ConstantExpression { Value: null } => true,
        UnaryExpression { NodeType: ExpressionType.Convert } convert => IsNull(convert.Operand),
        _ => false,
    };

    private static string Alias(string member) => member switch
    {
        nameof(PlacedListing.Listing) => "l",
        nameof(PlacedListing.Seller) => "s",
        nameof(PlacedListing.Category) => "c",
        _ => throw new NotSupportedException($"A placed listing has no table for {member}."),
    };
}

using System.Linq.Expressions;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;

namespace Marketplace.Domain.Listings;

/// <summary>A listing with its seller and category, as the storefront and the policy read it.</summary>
/// <remarks>Init-only properties rather than a positional record: EF Core can compose queries over a member initialiser, not over constructor arguments.</remarks>
public sealed class PlacedListing
{
    public required Listing Listing { get; init; }

    public required Seller Seller { get; init; }

    public required Category Category { get; init; }
}

/// <summary>
/// Every fact about a placed listing, once. Each is written one time as an expression over plain values; the
/// <see cref="PlacedListing"/> form (a query's filter, translated to SQL by EF or by the policy's own SQL writer) and the
/// C# form (the policy's subject, the state machine) are made from it, so no two can disagree. The model is
/// <see cref="Orders.ShopperStages"/>; <c>PlacedListingTruthTableTests</c> proves the database forms equal the C# forms.
/// </summary>
public static class PlacedListings
{
    private static readonly Expression<Func<SellerOrigin, bool>> ShopAbroadOf = origin => origin == SellerOrigin.CrossBorder;

    private static readonly Expression<Func<SellerOrigin, ProductOrigin, bool>> CrossBorderOf =
        EitherOf(ShopAbroadOf, (ProductOrigin product) => product == ProductOrigin.Imported);

    /// <summary>A closure acts on cross-border listings, and on local claims no admin has verified yet.</summary>
    private static readonly Expression<Func<bool, bool, bool>> ClosureAppliesOf =
        (crossBorder, sellerUnverified) => crossBorder || sellerUnverified;

    private static readonly Expression<Func<ListingState, SuspensionSource?, bool>> RuleChangeCandidateOf =
        (state, suspendedBy) => state == ListingState.Published || (state == ListingState.Suspended && suspendedBy == SuspensionSource.Policy);

    private static readonly Expression<Func<ListingState, SuspensionSource?, bool>> TakenDownByAdminOf =
        (state, suspendedBy) => state == ListingState.Suspended && suspendedBy == SuspensionSource.Admin;

    /// <summary>Live, the shop active, and no closure acting on it (given whether a closure of its cluster acts now).</summary>
    private static readonly Expression<Func<ListingState, SellerStatus, bool, bool, bool>> VisibleOf =
        (state, sellerStatus, closureApplies, closed) => state == ListingState.Published && sellerStatus == SellerStatus.Active && !(closureApplies && closed);

    private static readonly Func<SellerOrigin, bool> ShopAbroadFunction = ShopAbroadOf.Compile();
    private static readonly Func<SellerOrigin, ProductOrigin, bool> CrossBorderFunction = CrossBorderOf.Compile();
    private static readonly Func<bool, bool, bool> ClosureAppliesFunction = ClosureAppliesOf.Compile();
    private static readonly Func<ListingState, SuspensionSource?, bool> RuleChangeCandidateFunction = RuleChangeCandidateOf.Compile();
    private static readonly Func<ListingState, SuspensionSource?, bool> TakenDownByAdminFunction = TakenDownByAdminOf.Compile();
    private static readonly Func<ListingState, SellerStatus, bool, bool, bool> VisibleFunction = VisibleOf.Compile();

    /// <summary>A shop run by a trader abroad: every listing it makes is cross-border.</summary>
    public static readonly Expression<Func<Seller, bool>> ShopAbroad = BindAll<Seller>(ShopAbroadOf, [(Expression<Func<Seller, SellerOrigin>>)(s => s.Origin)]);

    /// <summary>Sold by a trader abroad, or an imported product whoever sells it.</summary>
    public static readonly Expression<Func<PlacedListing, bool>> CrossBorder =
        Bind(CrossBorderOf, p => p.Seller.Origin, p => p.Listing.Origin);

    /// <summary>Sold by a local shop and made here: what the storefront's "local products" filter shows.</summary>
    public static readonly Expression<Func<PlacedListing, bool>> Local = Bind((bool crossBorder) => !crossBorder, CrossBorder);

    /// <summary>What a closure acts on: cross-border listings, and listings of a shop whose local origin no admin has verified.</summary>
    public static readonly Expression<Func<PlacedListing, bool>> ClosureApplies =
        Bind(ClosureAppliesOf, CrossBorder, p => p.Seller.VerifiedAt == null);

    /// <summary>A listing the rules can act on: live, or taken down by the rules themselves.</summary>
    public static readonly Expression<Func<PlacedListing, bool>> RuleChangeCandidate =
        Bind(RuleChangeCandidateOf, p => p.Listing.State, p => p.Listing.SuspendedBy);

    /// <summary>Taken down by an admin (a regulator's order): only an admin brings it back, and nothing else moves it.</summary>
    public static readonly Expression<Func<PlacedListing, bool>> TakenDownByAdmin =
        Bind(TakenDownByAdminOf, p => p.Listing.State, p => p.Listing.SuspendedBy);

    public static bool IsShopAbroad(SellerOrigin origin) => ShopAbroadFunction(origin);

    public static bool IsCrossBorder(SellerOrigin seller, ProductOrigin product) => CrossBorderFunction(seller, product);

    public static bool ClosureAppliesTo(SellerOrigin seller, ProductOrigin product, bool sellerUnverified) =>
        ClosureAppliesFunction(IsCrossBorder(seller, product), sellerUnverified);

    public static bool IsRuleChangeCandidate(ListingState state, SuspensionSource? suspendedBy) => RuleChangeCandidateFunction(state, suspendedBy);

    public static bool IsTakenDownByAdmin(ListingState state, SuspensionSource? suspendedBy) => TakenDownByAdminFunction(state, suspendedBy);

    /// <summary>What a shopper may see at an instant, given whether a closure of the listing's cluster acts then.</summary>
    public static bool IsVisible(ListingState state, SellerStatus sellerStatus, bool closureApplies, bool clusterClosed) =>
        VisibleFunction(state, sellerStatus, closureApplies, clusterClosed);

    /// <summary>
    /// The one visibility predicate every shopper-facing query starts from. Besides the published state it re-checks what
    /// the policy would say now: the seller is active, and the cluster of a listing a closure applies to is not closed by
    /// any of <paramref name="actingBlocks"/> (the closures acting at the instant), whatever state the row is in.
    /// </summary>
    public static Expression<Func<PlacedListing, bool>> VisibleUnder(IQueryable<ClusterBlock> actingBlocks) =>
        Bind(
            VisibleOf,
            p => p.Listing.State,
            p => p.Seller.Status,
            ClosureApplies,
            p => actingBlocks.Any(b => b.ClusterId == p.Category.ClusterId));

    private static Expression<Func<PlacedListing, bool>> Bind<T1>(LambdaExpression fact, Expression<Func<PlacedListing, T1>> first) =>
        BindAll<PlacedListing>(fact, [first]);

    private static Expression<Func<PlacedListing, bool>> Bind<T1, T2>(
        LambdaExpression fact, Expression<Func<PlacedListing, T1>> first, Expression<Func<PlacedListing, T2>> second) =>
        BindAll<PlacedListing>(fact, [first, second]);

    private static Expression<Func<PlacedListing, bool>> Bind<T1, T2, T3, T4>(
        LambdaExpression fact,
        Expression<Func<PlacedListing, T1>> first,
        Expression<Func<PlacedListing, T2>> second,
        Expression<Func<PlacedListing, T3>> third,
        Expression<Func<PlacedListing, T4>> fourth) =>
        BindAll<PlacedListing>(fact, [first, second, third, fourth]);

    private static Expression<Func<TSource, bool>> BindAll<TSource>(LambdaExpression fact, IReadOnlyList<LambdaExpression> arguments)
    {
        var source = Expression.Parameter(typeof(TSource), "p");
        var values = arguments.Select(a => new Replace(a.Parameters[0], source).Visit(a.Body)!).ToList();
        var body = fact.Parameters.Select((parameter, i) => (parameter, value: values[i]))
            .Aggregate(fact.Body, (current, x) => new Replace(x.parameter, x.value).Visit(current)!);
        return Expression.Lambda<Func<TSource, bool>>(body, source);
    }

    /// <summary>A fact of two values that holds when either one-value fact holds.</summary>
    private static Expression<Func<T1, T2, bool>> EitherOf<T1, T2>(Expression<Func<T1, bool>> first, Expression<Func<T2, bool>> second) =>
        Expression.Lambda<Func<T1, T2, bool>>(Expression.OrElse(first.Body, second.Body), first.Parameters[0], second.Parameters[0]);

    /// <summary>Replaces one expression with another, for parameters.</summary>
    private sealed class Replace(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }
}

using System.Globalization;

namespace Marketplace.Web.Features.Storefront;

/// <summary>A listing's shown reviews as its row keeps them: how many, and the sum of their stars.</summary>
public sealed record ProductRating(int Count, int Sum)
{
    public bool HasReviews => Count > 0;

    /// <summary>The average with one decimal, written the way the shopper's language writes numbers ("4,7" or "4.7").</summary>
    public string Average => Count == 0 ? string.Empty : Math.Round((decimal)Sum / Count, 1).ToString("0.0", CultureInfo.CurrentCulture);
}

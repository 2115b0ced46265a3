namespace Marketplace.Web.Features.Storefront;

/// <param name="Current">The page below the last category, such as a product; null when the last category is the page itself.</param>
public sealed record Breadcrumbs(IReadOnlyList<CategoryNode> Path, string? Current = null);

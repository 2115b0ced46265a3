using AngleSharp.Html.Dom;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Storefront;

/// <summary>Reads storefront pages the way a shopper's browser gets them.</summary>
public static class Pages
{
    /// <summary>The ids of the product cards on a listing page, in the order shown.</summary>
    public static async Task<IReadOnlyList<long>> ListingIdsAsync(this HttpClient client, string url) =>
        ListingIds(await client.GetDocumentAsync(url));

    public static IReadOnlyList<long> ListingIds(IHtmlDocument page) =>
        page.QuerySelectorAll(".listing-grid .listing-card a.title")
            .Select(a => long.Parse(a.GetAttribute("href")!["/p/".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    public static string Text(this IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"Nothing matches '{selector}'.");
}

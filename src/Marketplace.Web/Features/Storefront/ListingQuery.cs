using System.Globalization;
using Marketplace.Domain;
using Marketplace.Domain.Orders;

namespace Marketplace.Web.Features.Storefront;

public enum ListingSort
{
    Relevance,
    Newest,
    PriceLow,
    PriceHigh,
}

/// <summary>Where a product comes from, as a shopper filters it: made in Indonesia, or imported (cross-border).</summary>
public enum OriginFilter
{
    Any,
    Local,
    Imported,
}

/// <summary>
/// What a listing page shows, read from and written back to the URL, so a link reproduces the page.
/// Values that do not parse are dropped rather than refused: a hand-edited URL still shows something useful.
/// </summary>
public sealed record ListingQuery
{
    public const int MaxTextLength = 100;

    public string Text { get; init; } = string.Empty;

    public Rupiah? MinPrice { get; init; }

    public Rupiah? MaxPrice { get; init; }

    public OriginFilter Origin { get; init; }

    public string? Province { get; init; }

    public int? MinTkdn { get; init; }

    public bool InStockOnly { get; init; }

    public ListingSort Sort { get; init; }

    public int Page { get; init; } = 1;

    /// <summary>The words exactly as typed: the shopper turned down the correction a search without results was given.</summary>
    public bool AsTyped { get; init; }

    public bool HasText => Text.Length > 0;

    /// <summary>Relevance needs words to rank by; without them the newest come first.</summary>
    public ListingSort EffectiveSort => Sort == ListingSort.Relevance && !HasText ? ListingSort.Newest : Sort;

    public bool HasFilters => MinPrice is not null || MaxPrice is not null || Origin != OriginFilter.Any || Province is not null || MinTkdn is not null || InStockOnly;

    public static ListingQuery FromUrl(IQueryCollection url)
    {
        ArgumentNullException.ThrowIfNull(url);
        string? Value(string key) => url.TryGetValue(key, out var values) ? values.FirstOrDefault() : null;

        var text = (Value("q") ?? string.Empty).Trim();
        var minPrice = Price(Value("min"));
        var maxPrice = Price(Value("max"));
        var province = Value("province");
        if (minPrice is { } low && maxPrice is { } high && low > high)
        {
            (minPrice, maxPrice) = (maxPrice, minPrice);
        }

        return new ListingQuery
        {
            Text = text.Length > MaxTextLength ? text[..MaxTextLength] : text,
            MinPrice = minPrice,
            MaxPrice = maxPrice,
            Origin = Value("origin") switch
            {
                "local" => OriginFilter.Local,
                "imported" => OriginFilter.Imported,
                _ => OriginFilter.Any,
            },
            Province = IndonesianProvinces.Find(province),
            MinTkdn = int.TryParse(Value("tkdn"), NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent is > 0 and <= 100 ? percent : null,
            InStockOnly = Value("stock") is "1" or "true" or "on",
            Sort = Value("sort") switch
            {
                "newest" => ListingSort.Newest,
                "price-asc" => ListingSort.PriceLow,
                "price-desc" => ListingSort.PriceHigh,
                _ => ListingSort.Relevance,
            },
            Page = int.TryParse(Value("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : 1,
            AsTyped = text.Length > 0 && Value("exact") is "1",
        };
    }

    /// <summary>The query string of this query, leaving out defaults so links stay short.</summary>
    public string ToQueryString() => QueryString.Create(Pairs()).ToUriComponent();

    /// <summary>
    /// Whether <paramref name="url"/> already names exactly the parameters this query writes. A filter form submits its empty
    /// fields too (<c>min=&amp;max=</c>); such a URL is worth one redirect to the short form that links and bookmarks keep.
    /// </summary>
    public bool IsWrittenAs(IQueryCollection url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var written = Pairs().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        return url.Count == written.Count && url.Keys.All(written.Contains);
    }

    private List<KeyValuePair<string, string?>> Pairs()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (HasText)
        {
            pairs.Add(new("q", Text));
        }

        if (MinPrice is { } min)
        {
            pairs.Add(new("min", min.Amount.ToString(CultureInfo.InvariantCulture)));
        }

        if (MaxPrice is { } max)
        {
            pairs.Add(new("max", max.Amount.ToString(CultureInfo.InvariantCulture)));
        }

        if (Origin != OriginFilter.Any)
        {
            pairs.Add(new("origin", OriginValue(Origin)));
        }

        if (Province is not null)
        {
            pairs.Add(new("province", Province));
        }

        if (MinTkdn is { } tkdn)
        {
            pairs.Add(new("tkdn", tkdn.ToString(CultureInfo.InvariantCulture)));
        }

        if (InStockOnly)
        {
            pairs.Add(new("stock", "1"));
        }

        if (Sort != ListingSort.Relevance)
        {
            pairs.Add(new("sort", SortValue(Sort)));
        }

        if (Page > 1)
        {
            pairs.Add(new("page", Page.ToString(CultureInfo.InvariantCulture)));
        }

        if (AsTyped && HasText)
        {
            pairs.Add(new("exact", "1"));
        }

        return pairs;
    }

    public static string SortValue(ListingSort sort) => sort switch
    {
        ListingSort.Newest => "newest",
        ListingSort.PriceLow => "price-asc",
        ListingSort.PriceHigh => "price-desc",
        _ => "relevance",
    };

    public static string OriginValue(OriginFilter origin) => origin switch
    {
        OriginFilter.Local => "local",
        OriginFilter.Imported => "imported",
        _ => string.Empty,
    };

    private static Rupiah? Price(string? text) => Rupiah.TryParse(text, out var value) && value.Amount > 0 && value <= Rupiah.MaxPrice ? value : null;
}

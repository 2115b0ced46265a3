using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Web.Features.Sellers.Api;

/// <summary>What an If-Match header asked for: nothing, any version (<c>*</c>), or one content version.</summary>
public readonly record struct IfMatch(bool Missing, bool Any, int? Version);

/// <summary>
/// A listing's entity tag: its content version as a strong tag (<c>"7"</c>). It changes with every edit of what the seller
/// wrote, not with the platform's decisions, which a seller cannot overwrite anyway.
/// </summary>
public static class ListingETag
{
    public static string Of(int version) => new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\"").ToString();

    /// <summary>Reads If-Match; a tag that is not one of ours counts as a version that never matches.</summary>
    public static IfMatch Read(StringValues header)
    {
        if (StringValues.IsNullOrEmpty(header))
        {
            return new IfMatch(Missing: true, Any: false, Version: null);
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags) || tags.Count == 0)
        {
            return new IfMatch(Missing: false, Any: false, Version: null);
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return new IfMatch(Missing: false, Any: true, Version: null);
        }

        var strong = tags.FirstOrDefault(t => !t.IsWeak);
        return strong is not null && int.TryParse(strong.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new IfMatch(Missing: false, Any: false, Version: version)
            : new IfMatch(Missing: false, Any: false, Version: null);
    }
}

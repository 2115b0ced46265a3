namespace Marketplace.Web.Features;

/// <summary>The site's own pages as absolute addresses, for links that leave the site in e-mails.</summary>
public sealed class SiteLinks(IConfiguration configuration, IHttpContextAccessor http)
{
    /// <summary>
    /// On Site:BaseUrl when it is set (as it should be in production, so a forged Host header cannot point a link
    /// elsewhere), otherwise on the address <paramref name="request"/> (by default the current request) came to; outside a
    /// request without Site:BaseUrl, the path.
    /// </summary>
    public string Absolute(string path, HttpRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var baseUrl = configuration["Site:BaseUrl"];
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            return baseUrl.TrimEnd('/') + path;
        }

        return (request ?? http.HttpContext?.Request) is { } to ? $"{to.Scheme}://{to.Host}{to.PathBase}{path}" : path;
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Marketplace.Web.Features;

/// <summary>
/// The site's own pages as absolute addresses, for links that leave the site in e-mails. They never come from a request's
/// Host header, which a client chooses: a forged one would put the sender's host into a reset link.
/// </summary>
public sealed class SiteLinks(IConfiguration configuration, IServer server)
{
    public const string BaseUrlSetting = "Site:BaseUrl";

    /// <summary>
    /// On Site:BaseUrl (required in production, see <see cref="IsMissingBaseUrl"/>); without it, in development and tests,
    /// on the first address the server listens on, a wildcard read as localhost.
    /// </summary>
    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var baseUrl = configuration[BaseUrlSetting];
        return (string.IsNullOrWhiteSpace(baseUrl) ? ListeningAddress() : baseUrl).TrimEnd('/') + path;
    }

    /// <summary>Production refuses to start without Site:BaseUrl, since links must not depend on what a client sends.</summary>
    public static bool IsMissingBaseUrl(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsProduction() && string.IsNullOrWhiteSpace(configuration[BaseUrlSetting]);

    private string ListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return "http://localhost";
        }

        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority);
    }
}

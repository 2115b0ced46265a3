namespace Marketplace.Web.Features.Accounts;

/// <summary>The client address that failures and e-mails are counted against (behind a proxy, configure forwarded headers).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}

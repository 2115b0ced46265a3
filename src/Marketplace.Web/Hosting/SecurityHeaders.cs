namespace Marketplace.Web.Hosting;

/// <summary>
/// The headers every response carries: a Content-Security-Policy with no inline script or style (the pages load their CSS
/// from files and have no script at all), no framing, no MIME sniffing, a referrer that stops at the origin across sites,
/// no powerful browser features, and <c>no-store</c> on the seller API, whose answers are one shop's private data.
/// HSTS comes from <c>UseHsts</c> (outside Development, only over HTTPS); Kestrel's Server header is off in Program.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// <c>img-src data:</c> is for the SVG icons Bootstrap's stylesheet embeds (the select arrow, the check mark);
    /// <c>style-src</c> has no <c>'unsafe-inline'</c>: no page writes a style attribute.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}

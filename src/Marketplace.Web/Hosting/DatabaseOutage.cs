using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Marketplace.Web.Hosting;

/// <summary>
/// Tells the truth while the database is away: a page answers 503 with a short page in the reader's language, the seller
/// API answers problem details with 503 and Retry-After, and the connection pool is cleared so that the connections the
/// outage broke are not handed out again once the database returns. Written without the layout or the Razor pipeline,
/// both of which read the database (the signed-in user), and with no exception text in any environment.
/// </summary>
internal sealed class DatabaseOutage(RequestDelegate next, NpgsqlDataSource data, IStringLocalizer<SharedResource> text, ILogger<DatabaseOutage> logger)
{
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsOutage(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning(e, "The database is unavailable; {Path} answered 503", context.Request.Path);
            data.Clear();
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await context.Response.WriteAsJsonAsync(
                    new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = text["Outage.Title"], Detail = text["Outage.Message"] },
                    options: null,
                    contentType: "application/problem+json");
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(context));
        }
    }

    /// <summary>
    /// The database could not be reached or dropped the connection: a broken or refused connection, a timeout, a server
    /// shutting down, or, with several hosts (a failover pair), none of them reachable as the primary yet: Npgsql then
    /// gathers each host's failure in an <see cref="AggregateException"/>, or, while it remembers the hosts as down, says
    /// only that no suitable host was found (a plain exception, recognised by its message: Npgsql has no type for it).
    /// </summary>
    public static bool IsOutage(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is PostgresErrorCodes.AdminShutdown
            or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException n when n.IsTransient => true,
        AggregateException a => a.InnerExceptions.Any(IsOutage),
        NpgsqlException { InnerException: null } n when n.GetType() == typeof(NpgsqlException)
            && n.Message.StartsWith("No suitable host", StringComparison.Ordinal) => true,
        _ => e.InnerException is not null && IsOutage(e.InnerException),
    };

    private string Page(HttpContext context)
    {
        var html = HtmlEncoder.Default;
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return $"""
            <!DOCTYPE html>
            <html lang="{html.Encode(language)}">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{html.Encode(text["Outage.Title"])}</title>
            <link rel="stylesheet" href="{html.Encode(context.Request.PathBase + "/lib/bootstrap/bootstrap.min.css")}" />
            </head>
            <body>
            <main class="container py-5" id="outage">
            <h1 class="h3">{html.Encode(text["Outage.Title"])}</h1>
            <p>{html.Encode(text["Outage.Message"])}</p>
            <p><a href="{html.Encode(context.Request.PathBase + context.Request.Path + context.Request.QueryString)}">{html.Encode(text["Outage.TryAgain"])}</a></p>
            </main>
            </body>
            </html>
            """;
    }
}

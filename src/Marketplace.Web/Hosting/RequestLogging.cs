using System.Diagnostics;

namespace Marketplace.Web.Hosting;

/// <summary>
/// One structured line per request: method, path, status and elapsed time. The query string is left out,
/// because tokens and search terms do not belong in logs.
/// </summary>
internal sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = context.Response.StatusCode;
            var level = status >= 500 ? LogLevel.Error : LogLevel.Information;
            logger.Log(level, "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms", context.Request.Method, context.Request.Path.Value, status, elapsed);
        }
    }
}
